package io.opsflow.insight;

import io.opsflow.insight.InstanceOperations.Operation;
import io.opsflow.insight.InstanceSearch.InstanceRow;
import io.opsflow.platform.ApiException;
import io.opsflow.platform.TasklistFilters;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Service;

/**
 * One instance, step by step, as the engine recorded it (history level full): each activity
 * with when and how long; for user tasks who claimed and completed it, the due date and whether
 * it was late, the escalation, the form data entered (the variables written when the task was
 * completed) and the comments; and what operators did to it, with their reasons ({@link InstanceOperations}). Read through the engine's history API, so engine authorization
 * applies; one instance is a handful of small queries.
 */
@Service
class InstanceTimeline {

  /** The engine refuses unbounded lists (query-max-results-limit); one instance has far fewer. */
  static final int MAX_ROWS = 2000;

  record Timeline(InstanceRow instance, List<Step> steps, List<Note> comments, List<Operation> operations) {}

  /** Durations in milliseconds; the task fields are null for steps that are not user tasks. */
  @Schema(name = "TimelineStep")
  record Step(String activityId, String name, String type, String state, Instant started, Instant ended,
      Long durationMillis, String assignee, Instant claimed, String claimedBy, Instant due, Boolean late,
      Instant escalated, Map<String, Object> formData, List<Note> comments) {}

  record Note(Instant time, String userId, String message) {}

  private final HistoryService historyService;
  private final TaskService taskService;
  private final InstanceOperations operations;

  InstanceTimeline(HistoryService historyService, TaskService taskService, InstanceOperations operations) {
    this.historyService = historyService;
    this.taskService = taskService;
    this.operations = operations;
  }

  Timeline of(String processInstanceId) {
    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    if (instance == null) {
      throw ApiException.notFound("process instance", processInstanceId);
    }
    Map<String, HistoricTaskInstance> tasks = historyService.createHistoricTaskInstanceQuery()
        .processInstanceId(processInstanceId).listPage(0, MAX_ROWS).stream()
        .collect(Collectors.toMap(HistoricTaskInstance::getId, Function.identity()));
    List<HistoricVariableUpdate> updates = historyService.createHistoricDetailQuery()
        .processInstanceId(processInstanceId).variableUpdates().orderByTime().asc().listPage(0, MAX_ROWS).stream()
        .map(HistoricVariableUpdate.class::cast).toList();
    List<Comment> comments = taskService.getProcessInstanceComments(processInstanceId);
    List<Step> steps = new ArrayList<>();
    Set<String> versionsRunOn = new HashSet<>(Set.of(instance.getProcessDefinitionId()));
    for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId).orderByHistoricActivityInstanceStartTime().asc()
        .orderPartiallyByOccurrence().asc().listPage(0, MAX_ROWS)) {
      versionsRunOn.add(activity.getProcessDefinitionId());
      HistoricTaskInstance task = activity.getTaskId() == null ? null : tasks.get(activity.getTaskId());
      steps.add(task == null ? step(activity, instance, updates) : taskStep(activity, task, updates, comments));
    }
    List<Note> instanceComments = comments.stream().filter(c -> c.getTaskId() == null).map(InstanceTimeline::note)
        .toList();
    return new Timeline(row(instance), steps, instanceComments,
        operations.of(processInstanceId, instance.getProcessDefinitionKey(), versionsRunOn));
  }

  private static Step step(HistoricActivityInstance activity, HistoricProcessInstance instance,
      List<HistoricVariableUpdate> updates) {
    boolean startEvent = Objects.equals(activity.getActivityId(), instance.getStartActivityId());
    Map<String, Object> startData = startEvent
        ? values(updates.stream().filter(u -> instance.getId().equals(u.getActivityInstanceId())
            && Objects.equals(u.getTime(), instance.getStartTime())).toList())
        : Map.of();
    return new Step(activity.getActivityId(), activity.getActivityName(), activity.getActivityType(),
        state(activity), instant(activity.getStartTime()), instant(activity.getEndTime()),
        activity.getDurationInMillis(), null, null, null, null, null, null, startData, List.of());
  }

  private Step taskStep(HistoricActivityInstance activity, HistoricTaskInstance task,
      List<HistoricVariableUpdate> updates, List<Comment> comments) {
    HistoricIdentityLinkLog claim = historyService.createHistoricIdentityLinkLogQuery().taskId(task.getId())
        .type(IdentityLinkType.ASSIGNEE).operationType("add").orderByTime().asc().listPage(0, 1)
        .stream().findFirst().orElse(null);
    List<HistoricVariableUpdate> own = updates.stream().filter(u -> task.getId().equals(u.getTaskId())
        || activity.getId().equals(u.getActivityInstanceId())).toList();
    Instant escalated = own.stream()
        .filter(u -> TasklistFilters.ESCALATED_VARIABLE.equals(u.getVariableName()) && Boolean.TRUE.equals(u.getValue()))
        .map(u -> instant(u.getTime())).findFirst().orElse(null);
    Map<String, Object> formData = values(own.stream()
        .filter(u -> !TasklistFilters.ESCALATED_VARIABLE.equals(u.getVariableName())).toList());
    Boolean late = task.getDueDate() == null ? null
        : (task.getEndTime() != null ? task.getEndTime() : ClockUtil.getCurrentTime()).after(task.getDueDate());
    return new Step(activity.getActivityId(), activity.getActivityName(), activity.getActivityType(),
        state(activity), instant(activity.getStartTime()), instant(activity.getEndTime()),
        activity.getDurationInMillis(), task.getAssignee(), claim == null ? null : instant(claim.getTime()),
        claim == null ? null : claim.getUserId(), instant(task.getDueDate()), late, escalated, formData,
        comments.stream().filter(c -> task.getId().equals(c.getTaskId())).map(InstanceTimeline::note).toList());
  }

  private static Map<String, Object> values(List<HistoricVariableUpdate> updates) {
    Map<String, Object> values = new LinkedHashMap<>();
    updates.forEach(u -> values.put(u.getVariableName(), u.getValue()));
    return values;
  }

  private static String state(HistoricActivityInstance activity) {
    if (activity.getEndTime() == null) {
      return "active";
    }
    return activity.isCanceled() ? "cancelled" : "completed";
  }

  private static Note note(Comment comment) {
    return new Note(instant(comment.getTime()), comment.getUserId(), comment.getFullMessage());
  }

  private static InstanceRow row(HistoricProcessInstance instance) {
    return new InstanceRow(instance.getId(), instance.getProcessDefinitionKey(), instance.getBusinessKey(),
        InstanceSearch.statusOf(instance.getState()), instant(instance.getStartTime()),
        instant(instance.getEndTime()), instance.getDurationInMillis(), instance.getStartUserId(),
        instance.getEndActivityId());
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
