package io.opsflow.versions;

import io.opsflow.platform.ApiException;
import io.opsflow.versions.VersionPlan.Blocked;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.springframework.stereotype.Component;

/**
 * Plans the way from every older version of a process with running instances to the newest:
 * steps with the same id map to each other (the engine's {@code mapEqualActivities}), renamed or
 * moved steps as the designers' {@link StepMappings} say, with their multi-instance body and the
 * boundary events that stay attached to them under the same id. Timers and other event triggers are
 * carried over as they are, so an SLA reminder keeps its due date (an SLA'd task's own timers move
 * with the task; the sla module makes the engine keep them). An instance is blocked when a
 * step it waits in (or waits before, as an asynchronous continuation) has no mapping.
 */
@Component
class MigrationPlanner {

  /** The engine's id suffix of the scope around the instances of a multi-instance step. */
  static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final ManagementService managementService;
  private final StepMappings stepMappings;

  MigrationPlanner(RepositoryService repositoryService, RuntimeService runtimeService, HistoryService historyService,
      ManagementService managementService, StepMappings stepMappings) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.managementService = managementService;
    this.stepMappings = stepMappings;
  }

  /** The newest version of the process; 404 when none is deployed. */
  ProcessDefinition newest(String processKey) {
    ProcessDefinition newest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().singleResult();
    if (newest == null) {
      throw ApiException.notFound("process", processKey);
    }
    return newest;
  }

  /** Every version of the process, oldest first. */
  List<ProcessDefinition> versions(String processKey) {
    return Pages.all((first, max) -> repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .orderByProcessDefinitionVersion().asc().listPage(first, max));
  }

  /** A plan per older version that has running instances, oldest first. */
  List<VersionPlan> plans(String processKey) {
    ProcessDefinition newest = newest(processKey);
    Map<String, String> mappings = stepMappings.of(newest.getResourceName());
    return versions(processKey).stream().filter(version -> version.getVersion() < newest.getVersion())
        .map(version -> plan(version, newest, mappings)).filter(plan -> !plan.instanceIds().isEmpty()).toList();
  }

  private VersionPlan plan(ProcessDefinition from, ProcessDefinition to, Map<String, String> mappings) {
    List<String> instanceIds = Pages.all((first, max) -> runtimeService.createProcessInstanceQuery()
        .processDefinitionId(from.getId()).orderByProcessInstanceId().asc().listPage(first, max)).stream()
        .map(ProcessInstance::getId).toList();
    if (instanceIds.isEmpty()) {
      return new VersionPlan(from, to, null, null, instanceIds, Map.of());
    }
    MigrationPlan plan = null;
    String problem;
    try {
      plan = build(from, to, mappings);
      problem = null;
    } catch (MigrationPlanValidationException e) {
      problem = "version " + from.getVersion() + " cannot be planned: " + failures(e);
    } catch (ApiException e) {
      problem = e.getMessage();
    }
    return new VersionPlan(from, to, plan, problem, instanceIds, blocked(from, to, plan, problem));
  }

  /** Equal ids first; then the designers' mappings for steps that equal ids leave unmapped. */
  private MigrationPlan build(ProcessDefinition from, ProcessDefinition to, Map<String, String> mappings) {
    Set<String> mappedByEqualIds = sources(runtimeService.createMigrationPlan(from.getId(), to.getId())
        .mapEqualActivities().build());
    BpmnModelInstance fromModel = repositoryService.getBpmnModelInstance(from.getId());
    BpmnModelInstance toModel = repositoryService.getBpmnModelInstance(to.getId());
    MigrationPlanBuilder builder = runtimeService.createMigrationPlan(from.getId(), to.getId()).mapEqualActivities();
    mappings.forEach((oldId, newId) -> {
      if (fromModel.getModelElementById(oldId) == null || mappedByEqualIds.contains(oldId)) {
        return; // a mapping for other versions, or one the equal ids already made
      }
      if (toModel.getModelElementById(newId) == null) {
        throw ApiException.conflict(StepMappings.fileFor(to.getResourceName()) + " maps '" + oldId + "' to '" + newId
            + "', which version " + to.getVersion() + " does not have");
      }
      builder.mapActivities(oldId, newId);
      if (isMultiInstance(fromModel, oldId) && isMultiInstance(toModel, newId)) {
        builder.mapActivities(oldId + MULTI_INSTANCE_BODY, newId + MULTI_INSTANCE_BODY);
      }
      boundaryEventsKept(fromModel, toModel, oldId, newId).stream().filter(id -> !mappings.containsKey(id))
          .forEach(id -> builder.mapActivities(id, id));
    });
    return builder.build();
  }

  private static boolean isMultiInstance(BpmnModelInstance model, String activityId) {
    return model.getModelElementById(activityId) instanceof Activity activity
        && activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics;
  }

  /**
   * The boundary events (SLA timers) of a renamed step that the new version attaches, with the
   * same id, to the step's new id: mapped along with the step, so a timer keeps its due date.
   */
  private static List<String> boundaryEventsKept(BpmnModelInstance fromModel, BpmnModelInstance toModel,
      String oldId, String newId) {
    return fromModel.getModelElementsByType(BoundaryEvent.class).stream()
        .filter(event -> event.getAttachedTo().getId().equals(oldId))
        .filter(event -> toModel.getModelElementById(event.getId()) instanceof BoundaryEvent kept
            && kept.getAttachedTo().getId().equals(newId))
        .map(BoundaryEvent::getId).toList();
  }

  private static Set<String> sources(MigrationPlan plan) {
    return plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId).collect(Collectors.toSet());
  }

  private static String failures(MigrationPlanValidationException e) {
    return e.getValidationReport().getInstructionReports().stream()
        .map(report -> "'" + report.getMigrationInstruction().getSourceActivityId() + "' to '"
            + report.getMigrationInstruction().getTargetActivityId() + "': " + String.join(", ", report.getFailures()))
        .collect(Collectors.joining("; "));
  }

  /** The instances waiting in a step the plan does not map, with the first such step. */
  private Map<String, Blocked> blocked(ProcessDefinition from, ProcessDefinition to, MigrationPlan plan,
      String problem) {
    Set<String> mapped = plan == null ? Set.of() : sources(plan);
    BpmnModelInstance toModel = repositoryService.getBpmnModelInstance(to.getId());
    Map<String, String> stepByInstance = new LinkedHashMap<>();
    for (HistoricActivityInstance active : Pages.all((first, max) -> historyService
        .createHistoricActivityInstanceQuery().processDefinitionId(from.getId()).unfinished()
        .orderByHistoricActivityInstanceId().asc().listPage(first, max))) {
      if (!mapped.contains(active.getActivityId())) {
        stepByInstance.putIfAbsent(active.getProcessInstanceId(), active.getActivityId());
      }
    }
    Map<String, String> asyncActivityByDefinition = Pages.all((first, max) -> managementService
        .createJobDefinitionQuery().processDefinitionId(from.getId()).orderByJobDefinitionId().asc()
        .listPage(first, max)).stream()
        .filter(definition -> definition.getActivityId() != null)
        .collect(Collectors.toMap(JobDefinition::getId, JobDefinition::getActivityId));
    for (Job job : Pages.all((first, max) -> managementService.createJobQuery().processDefinitionId(from.getId())
        .messages().orderByJobId().asc().listPage(first, max))) {
      String activityId = asyncActivityByDefinition.get(job.getJobDefinitionId());
      if (activityId != null && !mapped.contains(activityId)) {
        stepByInstance.putIfAbsent(job.getProcessInstanceId(), activityId);
      }
    }
    if (stepByInstance.isEmpty()) {
      return Map.of();
    }
    BpmnModelInstance fromModel = repositoryService.getBpmnModelInstance(from.getId());
    Map<String, String> businessKeys = businessKeys(stepByInstance.keySet());
    Map<String, Blocked> blocked = new LinkedHashMap<>();
    stepByInstance.forEach((instanceId, activityId) -> {
      String stepId = activityId.replace(MULTI_INSTANCE_BODY, "");
      blocked.put(instanceId, new Blocked(instanceId, businessKeys.get(instanceId), stepId, problem != null ? problem
          : reason(stepName(fromModel, stepId), toModel.getModelElementById(stepId) != null, to)));
    });
    return blocked;
  }

  private static String reason(String step, boolean sameIdInNewest, ProcessDefinition to) {
    return sameIdInNewest
        ? "waits in step '" + step + "', which version " + to.getVersion() + " has in another place;"
            + " the engine cannot carry it over there"
        : "waits in step '" + step + "', which version " + to.getVersion() + " no longer has; map it to a step"
            + " in " + StepMappings.fileFor(to.getResourceName()) + " or move the instance";
  }

  private static String stepName(BpmnModelInstance model, String stepId) {
    FlowElement element = model.getModelElementById(stepId);
    return element == null || element.getName() == null ? stepId : element.getName();
  }

  private Map<String, String> businessKeys(Set<String> instanceIds) {
    List<String> ids = List.copyOf(instanceIds);
    Map<String, String> keys = new LinkedHashMap<>();
    for (int first = 0; first < ids.size(); first += Pages.SIZE) {
      runtimeService.createProcessInstanceQuery()
          .processInstanceIds(Set.copyOf(ids.subList(first, Math.min(ids.size(), first + Pages.SIZE))))
          .listPage(0, Pages.SIZE)
          .forEach(instance -> keys.put(instance.getId(), instance.getBusinessKey()));
    }
    return keys;
  }
}
