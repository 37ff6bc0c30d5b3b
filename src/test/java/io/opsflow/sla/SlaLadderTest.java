package io.opsflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.ProcessDriver;
import io.opsflow.notify.Outbox;
import io.opsflow.notify.TestMailbox;
import io.opsflow.notify.TestMailbox.ReceivedMail;
import io.opsflow.platform.TasklistFilters;
import io.opsflow.platform.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reminder and escalation ladder of {@code sla/sla-ladder.bpmn}: a task due in 8 working
 * hours, a reminder at the due date, an escalation 4 working hours later.
 */
@OpsflowSpringTest
class SlaLadderTest {

  static final String PROCESS = "Process_SlaLadder";
  static final String TASK = "Task_ReviewRequest";
  static final String FAIL_AFTER_REMINDER = "failAfterReminder";

  @RegisterExtension
  static final TestMailbox mailbox = new TestMailbox();
  @RegisterExtension
  final ProcessDriver driver = new ProcessDriver();

  @Autowired ProcessEngine processEngine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired TaskEscalationRepository escalations;
  @Autowired JdbcTemplate jdbc;
  @Autowired WorkingCalendar calendar;
  @Autowired AbsenceRepository absences;

  String businessKey;

  @BeforeEach
  void deployTestModelOnMondayMorning() {
    repositoryService.createDeployment().name("sla-ladder-test").enableDuplicateFiltering(false)
        .addClasspathResource("sla/sla-ladder.bpmn").deploy();
    init(processEngine);
    businessKey = "request-" + UUID.randomUUID();
    driver.clockAt("2031-03-03T10:00"); // a Monday
  }

  @Test
  void remindsTheAssigneeWhenDueThenEscalatesToTheManagerOnce() {
    ProcessInstance instance = start(false);
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    taskService.setAssignee(task.getId(), "wendy");
    assertThat(task.getDueDate()).isEqualTo(driver.at("2031-03-04T10:00"));

    assertThat(driver.fireWhenDue(instance.getId(), "Timer_ReviewRequestReminder")).isEqualTo(driver.at("2031-03-04T10:00"));

    ReceivedMail reminder = mailbox.awaitMails("wendy", reminderFor(businessKey), 1).get(0);
    assertThat(reminder.subject()).isEqualTo("Reminder: \"Review request\" is due (SLA ladder test " + businessKey + ")");
    assertThat(reminder.body()).contains("Task:         Review request", "Process:      SLA ladder test",
        "Business key: " + businessKey, "Due:          Tue 4 Mar 2031, 10:00 (" + calendar.zone() + ")",
        "Assigned to:  Wendy Picker (wendy)",
        "/camunda/app/tasklist/" + processEngine.getName() + "/#/?task=" + task.getId());
    assertThat(escalations.existsByTaskId(task.getId())).isFalse();
    assertThat(taskService.getVariableLocal(task.getId(), TasklistFilters.ESCALATED_VARIABLE)).isNull();

    assertThat(driver.fireWhenDue(instance.getId(), "Timer_ReviewRequestEscalation")).isEqualTo(driver.at("2031-03-04T14:00"));

    ReceivedMail escalation = mailbox.awaitMails("will", escalationOf(businessKey), 1).get(0);
    assertThat(escalation.subject()).isEqualTo("Escalated: \"Review request\" is overdue (SLA ladder test " + businessKey + ")");
    assertThat(escalation.body()).contains("as the manager of Wendy Picker (wendy)", "Business key: " + businessKey);
    assertThat(taskService.getVariableLocal(task.getId(), TasklistFilters.ESCALATED_VARIABLE)).isEqualTo(true);
    TaskEscalation recorded = escalations.findByProcessInstanceId(instance.getId()).get(0);
    assertThat(recorded.taskId()).isEqualTo(task.getId());
    assertThat(recorded.processInstanceId()).isEqualTo(instance.getId());
    assertThat(recorded.processDefinitionKey()).isEqualTo(PROCESS);
    assertThat(recorded.taskDefinitionKey()).isEqualTo(TASK);
    assertThat(recorded.escalatedTo()).isEqualTo("will");
    assertThat(recorded.escalatedAt()).isEqualTo(driver.at("2031-03-04T14:00").toInstant());

    runDueJobsAt(instance, "2031-03-11T10:00");
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    mailbox.awaitOutboxProcessed();
    assertThat(mailbox.mailsTo("wendy", reminderFor(businessKey))).hasSize(1);
    assertThat(mailbox.mailsTo("will", escalationOf(businessKey))).hasSize(1);
    assertThat(instance).isWaitingAt(TASK);
    assertThat(instance).hasPassed("EndEvent_ReminderSent", "EndEvent_TaskEscalated");
  }

  @Test
  void remindsTheGroupOfAnUnassignedTaskAndEscalatesToItsLead() {
    ProcessInstance instance = start(false);

    runDueJobsAt(instance, "2031-03-04T14:01");

    assertThat(mailbox.awaitMails("wendy", reminderFor(businessKey), 1).get(0).body())
        .contains("Offered to:   group warehouse");
    assertThat(mailbox.awaitMails("will", reminderFor(businessKey), 1)).hasSize(1);
    assertThat(mailbox.awaitMails("will", escalationOf(businessKey), 1).get(0).body()).contains("as the lead of the team");
  }

  @Test
  void anEscalationForAManagerWhoIsAwayGoesToTheirManager() {
    ProcessInstance instance = start(false);
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    taskService.setAssignee(task.getId(), "wendy");
    Absence willAway = absences.save(new Absence("will", LocalDate.parse("2031-03-04"), LocalDate.parse("2031-03-05"),
        "wendy", "will", Instant.now()));
    try {
      runDueJobsAt(instance, "2031-03-04T14:01");

      assertThat(mailbox.awaitMails("olivia", escalationOf(businessKey), 1)).hasSize(1);
      assertThat(escalations.findByProcessInstanceId(instance.getId())).singleElement()
          .extracting(TaskEscalation::escalatedTo).isEqualTo("olivia");
    } finally {
      absences.delete(willAway);
    }
  }

  @Test
  void completingTheTaskBeforeItIsDueLeavesNoTimer() {
    ProcessInstance instance = start(false);
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers().count()).isEqualTo(2);

    driver.clockAt("2031-03-04T09:30");
    taskService.complete(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());

    assertThat(instance).isEnded().hasPassed("EndEvent_RequestReviewed");
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(escalations.findByProcessInstanceId(instance.getId())).isEmpty();
  }

  @Test
  void aReminderJobThatFailsAfterQueueingItsMailIsRetriedAndMailsOnce() {
    ProcessInstance instance = start(true);
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    taskService.setAssignee(task.getId(), "fred");
    String reminderKey = "reminder-" + task.getId();

    driver.clockAt("2031-03-04T10:01");
    assertThatThrownBy(() -> driver.runDueJobs(instance.getId())).as("the failing job fails the test, with its message")
        .hasMessageContaining("at Task_RemindReviewRequest").hasMessageContaining("cannotContinue");
    Job reminderJob = managementService.createJobQuery().processInstanceId(instance.getId())
        .activityId("Task_RemindReviewRequest").singleResult();
    for (int retriesLeft = reminderJob.getRetries(); retriesLeft > 0; retriesLeft--) { // as the job executor would
      assertThatThrownBy(() -> managementService.executeJob(reminderJob.getId())).hasMessageContaining("cannotContinue");
    }
    assertThat(managementService.createJobQuery().jobId(reminderJob.getId()).singleResult().getRetries()).isZero();
    assertThat(reminderJob.getExceptionMessage()).contains("cannotContinue");
    assertThat(Outbox.isQueued(jdbc, reminderKey)).isFalse();

    runtimeService.setVariable(instance.getId(), FAIL_AFTER_REMINDER, false);
    managementService.setJobRetries(reminderJob.getId(), 1);
    driver.runDueJobs(instance.getId());
    assertThat(mailbox.awaitMails("fred", reminderFor(businessKey), 1)).hasSize(1);

    // the step runs once more (as after a lost job lock): it finds its mail queued already
    runtimeService.createProcessInstanceModification(instance.getId())
        .startBeforeActivity("Task_RemindReviewRequest").execute();
    driver.runDueJobs(instance.getId());
    runDueJobsAt(instance, "2031-03-04T14:01");

    // mails go out one after the other: once the escalation is there, a second reminder would be too
    mailbox.awaitMails("fiona", escalationOf(businessKey), 1);
    assertThat(mailbox.mailsTo("fred", reminderFor(businessKey))).hasSize(1);
  }

  /** Subjects name the case: "Reminder: "Review request" is due (SLA ladder test request-...)". */
  static String reminderFor(String businessKey) {
    return "Reminder: \"Review request\" is due (SLA ladder test " + businessKey + ")";
  }

  static String escalationOf(String businessKey) {
    return "Escalated: \"Review request\" is overdue (SLA ladder test " + businessKey + ")";
  }

  private ProcessInstance start(boolean failAfterReminder) {
    return runtimeService.startProcessInstanceByKey(PROCESS, businessKey, Map.of(FAIL_AFTER_REMINDER, failAfterReminder));
  }

  private void runDueJobsAt(ProcessInstance instance, String localDateTime) {
    driver.runDueJobsAt(instance.getId(), driver.at(localDateTime));
  }

}
