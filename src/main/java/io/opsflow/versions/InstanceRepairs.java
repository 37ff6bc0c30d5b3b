package io.opsflow.versions;

import io.opsflow.platform.ApiException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Repairs one running instance: moves it from one step to another (the token in the first step is
 * cancelled and the second started, in one transaction, as Camunda's process instance modification
 * does), or gives its failed jobs another try. Each with a reason in the operation log.
 */
@Service
class InstanceRepairs {

  @Schema(name = "RepairStep")
  record Step(String id, String name) {}

  /** Where an instance waits, and every step of its version it could be moved to. */
  record InstanceSteps(String instanceId, String businessKey, String processDefinitionId, List<Step> active,
      List<Step> steps, long failedJobs) {}

  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final ManagementService managementService;
  private final HistoryService historyService;
  private final Operators operators;

  InstanceRepairs(RuntimeService runtimeService, RepositoryService repositoryService,
      ManagementService managementService, HistoryService historyService, Operators operators) {
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
    this.managementService = managementService;
    this.historyService = historyService;
    this.operators = operators;
  }

  @Transactional(readOnly = true)
  public InstanceSteps steps(String instanceId) {
    operators.requireAdministrator("repairing a process instance");
    return stepsOf(instance(instanceId));
  }

  /** Cancels the instance's token(s) in {@code from} and starts {@code to}; 409 if it does not wait in {@code from}. */
  @Transactional
  public InstanceSteps move(String instanceId, String from, String to, String reason) {
    operators.requireAdministrator("moving a process instance");
    String why = Operators.requireReason(reason);
    requireStepId("from", from);
    requireStepId("to", to);
    ProcessInstance instance = instance(instanceId);
    List<String> waitingIn = activeStepIds(instanceId);
    if (!waitingIn.contains(from)) {
      throw ApiException.conflict("instance " + instanceId + " does not wait in step '" + from + "'; it waits in "
          + String.join(", ", waitingIn));
    }
    if (!(repositoryService.getBpmnModelInstance(instance.getProcessDefinitionId())
        .getModelElementById(to) instanceof FlowNode)) {
      throw ApiException.badField("to", "the process has no step '" + to + "'");
    }
    runtimeService.createProcessInstanceModification(instanceId).cancelAllForActivity(from).startBeforeActivity(to)
        .setAnnotation(why).execute();
    return stepsOf(instance);
  }

  /** Gives every failed job of the instance one more try (which resolves its incident); 409 if none failed. */
  @Transactional
  public InstanceSteps retry(String instanceId, String reason) {
    operators.requireAdministrator("retrying a process instance");
    String why = Operators.requireReason(reason);
    ProcessInstance instance = instance(instanceId);
    List<String> failed = failedJobs(instanceId).stream().map(Job::getId).toList();
    if (failed.isEmpty()) {
      throw ApiException.conflict("instance " + instanceId + " has no failed job to retry");
    }
    operators.annotated(() -> historyService.createUserOperationLogQuery().processInstanceId(instanceId)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_SET_JOB_RETRIES), why,
        () -> managementService.setJobRetries(failed, 1));
    return stepsOf(instance);
  }

  private static void requireStepId(String field, String stepId) {
    if (stepId == null || stepId.isBlank()) {
      throw ApiException.badField(field, "is required: the id of a step, such as 'Task_PickAndPackOrder'");
    }
  }

  private ProcessInstance instance(String instanceId) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
    if (instance == null) {
      throw ApiException.notFound("running process instance", instanceId);
    }
    return instance;
  }

  private InstanceSteps stepsOf(ProcessInstance instance) {
    List<Step> steps = repositoryService.getBpmnModelInstance(instance.getProcessDefinitionId())
        .getModelElementsByType(FlowNode.class).stream().map(node -> new Step(node.getId(), node.getName())).toList();
    List<Step> active = activeStepIds(instance.getId()).stream()
        .map(id -> steps.stream().filter(step -> step.id().equals(id)).findFirst().orElse(new Step(id, null)))
        .toList();
    return new InstanceSteps(instance.getId(), instance.getBusinessKey(), instance.getProcessDefinitionId(), active,
        steps, failedJobs(instance.getId()).size());
  }

  /** The steps the instance waits in or before (asynchronous continuations), without the scopes around them. */
  private List<String> activeStepIds(String instanceId) {
    ActivityInstance tree = runtimeService.getActivityInstance(instanceId);
    List<String> ids = new ArrayList<>();
    if (tree != null) {
      collect(tree, ids);
    }
    return ids.stream().distinct().toList();
  }

  private static void collect(ActivityInstance scope, Collection<String> into) {
    for (ActivityInstance child : scope.getChildActivityInstances()) {
      if (child.getChildActivityInstances().length == 0 && child.getChildTransitionInstances().length == 0) {
        into.add(child.getActivityId());
      }
      collect(child, into);
    }
    for (TransitionInstance transition : scope.getChildTransitionInstances()) {
      into.add(transition.getActivityId());
    }
  }

  private List<Job> failedJobs(String instanceId) {
    return Pages.all((first, max) -> managementService.createJobQuery().processInstanceId(instanceId).noRetriesLeft()
        .orderByJobId().asc().listPage(first, max));
  }
}
