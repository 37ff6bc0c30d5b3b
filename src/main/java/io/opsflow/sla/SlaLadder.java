package io.opsflow.sla;

import io.opsflow.notify.Notifications;
import io.opsflow.platform.TasklistFilters;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.bpmn.helper.EscalationHandler;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The steps of an SLA'd task after its due date: remind the people working on it, then escalate
 * to their manager. Started by the task's own timers ({@link SlaBpmnParse}), or on versions drawn
 * before the template by the "Send reminder" and "Escalate to manager" steps after boundary timers. Each step happens once per task, also when its job is retried, and does
 * nothing for tasks completed in the meantime. Runs in the job's transaction, so a failed step
 * leaves no trace and its retry starts afresh.
 */
@Service
class SlaLadder {

  private static final Logger LOG = LoggerFactory.getLogger(SlaLadder.class);

  private final WatchedTasks watchedTasks;
  private final TaskFactsReader factsReader;
  private final TaskAudience audience;
  private final TaskMails mails;
  private final Notifications notifications;
  private final TaskEscalationRepository escalations;
  private final TaskService taskService;
  private final ApplicationEventPublisher events;

  SlaLadder(WatchedTasks watchedTasks, TaskFactsReader factsReader, TaskAudience audience, TaskMails mails,
      Notifications notifications, TaskEscalationRepository escalations, TaskService taskService,
      ApplicationEventPublisher events) {
    this.watchedTasks = watchedTasks;
    this.factsReader = factsReader;
    this.audience = audience;
    this.mails = mails;
    this.notifications = notifications;
    this.escalations = escalations;
    this.taskService = taskService;
    this.events = events;
  }

  /** Reminds whoever works on the tasks that a drawn ladder's boundary timer watches (versions drawn before the template). */
  void remind(DelegateExecution step) {
    for (Task task : watchedTasks.of(step)) {
      remind(factsReader.read(task, step.getProcessBusinessKey()));
    }
  }

  /** Reminds whoever works on this SLA'd task: its reminder timer is due. */
  void remind(DelegateTask task) {
    remind(factsReader.read(task));
  }

  /** Escalates the tasks that a drawn ladder's boundary timer watches (versions drawn before the template). */
  void escalate(DelegateExecution step) {
    for (Task task : watchedTasks.of(step)) {
      escalate(factsReader.read(task, step.getProcessBusinessKey()), task.getProcessInstanceId(),
          task.getTaskDefinitionKey());
    }
  }

  /**
   * Escalates this SLA'd task: its escalation timer is due. If the process reacts to it, the BPMN
   * escalation with this code is thrown from the task, to a boundary event of an enclosing
   * sub-process or an event sub-process (nothing happens where none catches it, as with a drawn throw event).
   */
  void escalate(DelegateTask task, Optional<String> escalationCode) {
    boolean escalated = escalate(factsReader.read(task), task.getProcessInstanceId(), task.getTaskDefinitionKey());
    if (escalated && escalationCode.isPresent()) {
      EscalationHandler.executeEscalation((ActivityExecution) task.getExecution(), escalationCode.get());
    }
  }

  private void remind(TaskFacts task) {
    notifications.send(mails.reminder(task, List.of(audience.workersOnWhenSent(task))));
  }

  /** Marks the task escalated, records it and tells the managers, unless it was escalated before. */
  private boolean escalate(TaskFacts task, String processInstanceId, String taskDefinitionKey) {
    if (escalations.existsByTaskId(task.taskId())) {
      LOG.debug("task {} was escalated before", task.taskId());
      return false;
    }
    List<String> managers = audience.escalationTargets(task);
    taskService.setVariableLocal(task.taskId(), TasklistFilters.ESCALATED_VARIABLE, true);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    escalations.save(new TaskEscalation(task.taskId(), processInstanceId, task.processKey(), taskDefinitionKey,
        task.assignee(), managers, now));
    notifications.send(mails.escalation(task, managers));
    events.publishEvent(new TaskEscalated(task.taskId(), task.name(), task.processName(), task.businessKey(),
        task.due() == null ? null : task.due().toInstant(), task.assignee(), managers, now));
    return true;
  }
}
