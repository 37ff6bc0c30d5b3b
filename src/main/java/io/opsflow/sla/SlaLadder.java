package io.opsflow.sla;

import io.opsflow.notify.Notifications;
import io.opsflow.platform.TasklistFilters;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The steps of an SLA'd task after its due date: remind the people working on it, then escalate
 * to their manager. Each step happens once per task, also when its job is retried, and does
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

  SlaLadder(WatchedTasks watchedTasks, TaskFactsReader factsReader, TaskAudience audience, TaskMails mails,
      Notifications notifications, TaskEscalationRepository escalations, TaskService taskService) {
    this.watchedTasks = watchedTasks;
    this.factsReader = factsReader;
    this.audience = audience;
    this.mails = mails;
    this.notifications = notifications;
    this.escalations = escalations;
    this.taskService = taskService;
  }

  /** Reminds whoever works on the tasks that the step's boundary timer watches. */
  void remind(DelegateExecution step) {
    for (Task task : watchedTasks.of(step)) {
      TaskFacts facts = factsReader.read(task, step.getProcessBusinessKey());
      notifications.send(mails.reminder(facts, audience.workersOn(facts)));
    }
  }

  /** Marks the watched tasks escalated, records it and tells the managers. */
  void escalate(DelegateExecution step) {
    for (Task task : watchedTasks.of(step)) {
      if (escalations.existsByTaskId(task.getId())) {
        LOG.debug("task {} was escalated before", task.getId());
        continue;
      }
      TaskFacts facts = factsReader.read(task, step.getProcessBusinessKey());
      List<String> managers = audience.escalationTargets(facts);
      taskService.setVariableLocal(task.getId(), TasklistFilters.ESCALATED_VARIABLE, true);
      escalations.save(new TaskEscalation(task.getId(), task.getProcessInstanceId(),
          facts.processKey(), task.getTaskDefinitionKey(), task.getAssignee(),
          managers, ClockUtil.getCurrentTime().toInstant()));
      notifications.send(mails.escalation(facts, managers));
    }
  }
}
