package io.opsflow.sla;

import java.util.Collection;
import java.util.HashMap;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Collects the {@link TaskFacts} of a task from the engine. */
@Component
class TaskFactsReader {

  private final RepositoryService repositoryService;
  private final TaskService taskService;
  private final RuntimeService runtimeService;

  TaskFactsReader(RepositoryService repositoryService, TaskService taskService, RuntimeService runtimeService) {
    this.repositoryService = repositoryService;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
  }

  /** The business keys of these tasks' process instances, by instance id, with one query. */
  Map<String, String> businessKeys(List<Task> tasks) {
    Set<String> ids = tasks.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull).collect(Collectors.toSet());
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<String, String> keys = new HashMap<>();
    runtimeService.createProcessInstanceQuery().processInstanceIds(ids).list()
        .forEach(instance -> keys.put(instance.getId(), instance.getBusinessKey()));
    return keys;
  }

  TaskFacts read(Task task, String businessKey) {
    return facts(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getProcessDefinitionId(), businessKey, task.getDueDate(),
        task.getAssignee(), taskService.getIdentityLinksForTask(task.getId()));
  }

  /** For task listeners: the task as it is being created or assigned. */
  TaskFacts read(DelegateTask task) {
    return facts(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getProcessDefinitionId(), task.getExecution().getProcessBusinessKey(),
        task.getDueDate(), task.getAssignee(), task.getCandidates());
  }

  private TaskFacts facts(String id, String name, String stepId, String processDefinitionId, String businessKey, Date due,
      String assignee, Collection<? extends IdentityLink> links) {
    List<IdentityLink> candidates = links.stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).map(IdentityLink.class::cast).toList();
    ProcessDefinition process = repositoryService.getProcessDefinition(processDefinitionId); // from the engine's cache
    return new TaskFacts(id, name, stepId, process.getKey(), process.getName() != null ? process.getName() : process.getKey(),
        businessKey, due, assignee,
        candidates.stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).sorted().toList(),
        candidates.stream().map(IdentityLink::getUserId).filter(Objects::nonNull).sorted().toList());
  }
}
