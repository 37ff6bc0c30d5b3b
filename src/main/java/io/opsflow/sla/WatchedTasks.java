package io.opsflow.sla;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.stereotype.Component;

/**
 * The open tasks an SLA step is about, found from the diagram alone: the step's flow starts at a
 * boundary timer, and the tasks are those of the activity that timer is attached to, in the same
 * scope as the step (all instances of a multi-instance task, only this instance of a repeated
 * sub-process).
 */
@Component
class WatchedTasks {

  private final RuntimeService runtimeService;
  private final TaskService taskService;

  WatchedTasks(RuntimeService runtimeService, TaskService taskService) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
  }

  List<Task> of(DelegateExecution step) {
    BoundaryEvent boundary = boundaryEventBefore(step);
    String taskKey = boundary.getAttachedTo().getId();
    if (boundary.getParentElement() instanceof Process) { // the scope is the whole instance: no tree needed
      return taskService.createTaskQuery().processInstanceId(step.getProcessInstanceId()).taskDefinitionKey(taskKey)
          .orderByTaskId().asc().list();
    }
    ActivityInstance scope = scopeOf(step);
    String[] taskInstanceIds = Arrays.stream(scope.getActivityInstances(taskKey))
        .map(ActivityInstance::getId).toArray(String[]::new);
    if (taskInstanceIds.length == 0) {
      return List.of();
    }
    return taskService.createTaskQuery().activityInstanceIdIn(taskInstanceIds).orderByTaskId().asc().list();
  }

  /** The boundary event whose path leads to this step. */
  static BoundaryEvent boundaryEventBefore(DelegateExecution step) {
    FlowElement element = step.getBpmnModelElementInstance();
    Deque<FlowNode> toVisit = new ArrayDeque<>();
    Set<String> visited = new HashSet<>();
    if (element instanceof FlowNode node) {
      toVisit.add(node);
    }
    while (!toVisit.isEmpty()) {
      FlowNode node = toVisit.poll();
      if (node instanceof BoundaryEvent boundary) {
        return boundary;
      }
      if (visited.add(node.getId())) {
        node.getIncoming().stream().map(SequenceFlow::getSource).forEach(toVisit::add);
      }
    }
    throw new IllegalStateException(step.getCurrentActivityId()
        + ": an SLA step must follow a boundary timer of the task it watches; none leads to it");
  }

  /** The activity instance of the scope (process or sub-process) the step runs in. */
  private ActivityInstance scopeOf(DelegateExecution step) {
    ActivityInstance root = runtimeService.getActivityInstance(step.getProcessInstanceId());
    ActivityInstance scope = find(root, step.getParentActivityInstanceId());
    return scope != null ? scope : root;
  }

  private static ActivityInstance find(ActivityInstance instance, String id) {
    if (instance.getId().equals(id)) {
      return instance;
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      ActivityInstance found = find(child, id);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
