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
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reminder and escalation ladder of a task due in 8 working hours: the reminder at the due date,
 * the escalation 4 working hours later. Each test runs on both ways a task gets its ladder: from the
 * element template "SLA'd user task" alone ({@code sla/sla-task.bpmn}, drawn in Modeler with nothing
 * else), and drawn as versions before the template have it ({@code sla/sla-ladder.bpmn}: two boundary
 * timers, "Send reminder", "Escalate to manager"), which instances still running keep; and both
 * side by side, as when a process is redrawn with the template while instances of the old version run.
 */
@OpsflowSpringTest
@RecordApplicationEvents
class SlaLadderTest {

  static final String TASK = "Task_ReviewRequest";
  static final String FAIL_AFTER_REMINDER = "failAfterReminder";
  static final String SIDE_BY_SIDE = "Process_SlaSideBySide";

  /** How the task gets its ladder. */
  enum Ladder {
    TEMPLATE("sla/sla-task.bpmn", "Process_SlaTask", "SLA task test"),
    DRAWN("sla/sla-ladder.bpmn", "Process_SlaLadder", "SLA ladder test");

    final String model;
    final String process;
    final String processName;

    Ladder(String model, String process, String processName) {
      this.model = model;
      this.process = process;
      this.processName = processName;
    }

    /** Fires the step's timer exactly when due, and returns when that was. */
    Date fire(ProcessDriver driver, ProcessInstance instance, SlaStep step) {
      return this == TEMPLATE ? driver.fireWhenDue(instance.getId(), TASK, step)
          : driver.fireWhenDue(instance.getId(), step == SlaStep.REMINDER ? "Timer_ReviewRequestReminder"
              : "Timer_ReviewRequestEscalation");
    }
  }

  @RegisterExtension
  static final TestMailbox mailbox = new TestMailbox();
  @RegisterExtension
  final ProcessDriver driver = new ProcessDriver();

  @Autowired ProcessEngine processEngine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired FilterService filterService;
  @Autowired TaskEscalationRepository escalations;
  @Autowired ApplicationEvents events;
  @Autowired JdbcTemplate jdbc;
  @Autowired WorkingCalendar calendar;
  @Autowired AbsenceRepository absences;

  String businessKey;

  @BeforeEach
  void deployTestModelsOnMondayMorning() {
    for (Ladder ladder : Ladder.values()) {
      repositoryService.createDeployment().name("sla-ladder-test").enableDuplicateFiltering(false)
          .addClasspathResource(ladder.model).deploy();
    }
    init(processEngine);
    businessKey = "request-" + UUID.randomUUID();
    driver.clockAt("2031-03-03T10:00"); // a Monday
  }

  @Test
  void theTemplateModelDrawsNothingButTheTask() {
    String definition = start(Ladder.TEMPLATE, false).getProcessDefinitionId();

    assertThat(repositoryService.getBpmnModelInstance(definition).getModelElementsByType(FlowNode.class))
        .extracting(FlowNode::getId)
        .containsExactlyInAnyOrder("StartEvent_RequestReceived", TASK, "EndEvent_RequestReviewed");
  }

  @ParameterizedTest
  @EnumSource(Ladder.class)
  void remindsTheAssigneeWhenDueThenEscalatesToTheManagerOnce(Ladder ladder) {
    ProcessInstance instance = start(ladder, false);
    Task task = taskOf(instance);
    taskService.setAssignee(task.getId(), "wendy");
    assertThat(task.getDueDate()).isEqualTo(driver.at("2031-03-04T10:00"));

    assertThat(ladder.fire(driver, instance, SlaStep.REMINDER)).isEqualTo(task.getDueDate());

    ReceivedMail reminder = mailbox.awaitMails("wendy", reminderFor(ladder, businessKey), 1).get(0);
    assertThat(reminder.subject()).isEqualTo("Reminder: \"Review request\" is due (" + ladder.processName + " "
        + businessKey + ")");
    assertThat(reminder.body()).contains("Task:         Review request", "Process:      " + ladder.processName,
        "Business key: " + businessKey, "Due:          Tue 4 Mar 2031, 10:00 (" + calendar.zone() + ")",
        "Assigned to:  Wendy Picker (wendy)",
        "/camunda/app/tasklist/" + processEngine.getName() + "/#/?task=" + task.getId());
    assertThat(escalations.existsByTaskId(task.getId())).isFalse();
    assertThat(taskService.getVariableLocal(task.getId(), TasklistFilters.ESCALATED_VARIABLE)).isNull();

    assertThat(ladder.fire(driver, instance, SlaStep.ESCALATION)).isEqualTo(driver.at("2031-03-04T14:00"));

    ReceivedMail escalation = mailbox.awaitMails("will", escalationOf(ladder, businessKey), 1).get(0);
    assertThat(escalation.subject()).isEqualTo("Escalated: \"Review request\" is overdue (" + ladder.processName + " "
        + businessKey + ")");
    assertThat(escalation.body()).contains("as the manager of Wendy Picker (wendy)", "Business key: " + businessKey);
    assertThat(taskService.getVariableLocal(task.getId(), TasklistFilters.ESCALATED_VARIABLE)).isEqualTo(true);
    assertThat(filterService.<Task, TaskQuery>list(escalatedFilterId(),
        taskService.createTaskQuery().processInstanceId(instance.getId()))).extracting(Task::getId).containsExactly(task.getId());
    TaskEscalation recorded = escalations.findByProcessInstanceId(instance.getId()).get(0);
    assertThat(recorded.taskId()).isEqualTo(task.getId());
    assertThat(recorded.processInstanceId()).isEqualTo(instance.getId());
    assertThat(recorded.processDefinitionKey()).isEqualTo(ladder.process);
    assertThat(recorded.taskDefinitionKey()).isEqualTo(TASK);
    assertThat(recorded.escalatedTo()).isEqualTo("will");
    assertThat(recorded.escalatedAt()).isEqualTo(driver.at("2031-03-04T14:00").toInstant());
    assertThat(events.stream(TaskEscalated.class)).singleElement().satisfies(escalated -> {
      assertThat(escalated.taskId()).isEqualTo(task.getId());
      assertThat(escalated.taskName()).isEqualTo("Review request");
      assertThat(escalated.businessKey()).isEqualTo(businessKey);
      assertThat(escalated.assignee()).isEqualTo("wendy");
      assertThat(escalated.managers()).containsExactly("will");
    });

    runDueJobsAt(instance, "2031-03-11T10:00");
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    mailbox.awaitOutboxProcessed();
    assertThat(mailbox.mailsTo("wendy", reminderFor(ladder, businessKey))).hasSize(1);
    assertThat(mailbox.mailsTo("will", escalationOf(ladder, businessKey))).hasSize(1);
    assertThat(instance).isWaitingAt(TASK);
  }

  @ParameterizedTest
  @EnumSource(Ladder.class)
  void remindsTheGroupOfAnUnassignedTaskAndEscalatesToItsLead(Ladder ladder) {
    ProcessInstance instance = start(ladder, false);

    runDueJobsAt(instance, "2031-03-04T14:01");

    assertThat(mailbox.awaitMails("wendy", reminderFor(ladder, businessKey), 1).get(0).body())
        .contains("Offered to:   group warehouse");
    assertThat(mailbox.awaitMails("will", reminderFor(ladder, businessKey), 1)).hasSize(1);
    assertThat(mailbox.awaitMails("will", escalationOf(ladder, businessKey), 1).get(0).body())
        .contains("as the lead of the team");
  }

  @ParameterizedTest
  @EnumSource(Ladder.class)
  void anEscalationForAManagerWhoIsAwayGoesToTheirManager(Ladder ladder) {
    ProcessInstance instance = start(ladder, false);
    taskService.setAssignee(taskOf(instance).getId(), "wendy");
    Absence willAway = absences.save(new Absence("will", LocalDate.parse("2031-03-04"), LocalDate.parse("2031-03-05"),
        "wendy", "will", Instant.now()));
    try {
      runDueJobsAt(instance, "2031-03-04T14:01");

      assertThat(mailbox.awaitMails("olivia", escalationOf(ladder, businessKey), 1)).hasSize(1);
      assertThat(escalations.findByProcessInstanceId(instance.getId())).singleElement()
          .extracting(TaskEscalation::escalatedTo).isEqualTo("olivia");
    } finally {
      absences.delete(willAway);
    }
  }

  @ParameterizedTest
  @EnumSource(Ladder.class)
  void completingTheTaskBeforeItIsDueLeavesNoTimer(Ladder ladder) {
    ProcessInstance instance = start(ladder, false);
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers().count()).isEqualTo(2);

    driver.clockAt("2031-03-04T09:30");
    taskService.complete(taskOf(instance).getId());

    assertThat(instance).isEnded().hasPassed("EndEvent_RequestReviewed");
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(escalations.findByProcessInstanceId(instance.getId())).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Ladder.class)
  void completingTheTaskAfterTheReminderCancelsTheEscalation(Ladder ladder) {
    ProcessInstance instance = start(ladder, false);
    runDueJobsAt(instance, "2031-03-04T10:00");
    mailbox.awaitMails("wendy", reminderFor(ladder, businessKey), 1);

    taskService.complete(taskOf(instance).getId());
    runDueJobsAt(instance, "2031-03-11T10:00");

    assertThat(instance).isEnded();
    assertThat(escalations.findByProcessInstanceId(instance.getId())).isEmpty();
  }

  @Test
  void aReminderJobThatFailsAfterQueueingItsMailIsRetriedAndMailsOnce() {
    ProcessInstance instance = start(Ladder.DRAWN, true);
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
    assertThat(mailbox.awaitMails("fred", reminderFor(Ladder.DRAWN, businessKey), 1)).hasSize(1);

    // the step runs once more (as after a lost job lock): it finds its mail queued already
    runtimeService.createProcessInstanceModification(instance.getId())
        .startBeforeActivity("Task_RemindReviewRequest").execute();
    driver.runDueJobs(instance.getId());
    runDueJobsAt(instance, "2031-03-04T14:01");

    // mails go out one after the other: once the escalation is there, a second reminder would be too
    mailbox.awaitMails("fiona", escalationOf(Ladder.DRAWN, businessKey), 1);
    assertThat(mailbox.mailsTo("fred", reminderFor(Ladder.DRAWN, businessKey))).hasSize(1);
  }

  /**
   * A process redrawn with the template while instances of its drawn version still run: the old
   * instance keeps its drawn ladder, the new one has the task's own, each once.
   */
  @Test
  void anInstanceOfTheDrawnVersionAndOneOfTheTemplateVersionEachGetTheirLadderOnce() {
    repositoryService.createDeployment().name("sla-side-by-side-drawn").enableDuplicateFiltering(false)
        .addModelInstance("sla-side-by-side.bpmn", asSideBySideProcess(Ladder.DRAWN)).deploy();
    String drawnKey = "drawn-" + UUID.randomUUID();
    ProcessInstance drawn = runtimeService.startProcessInstanceByKey(SIDE_BY_SIDE, drawnKey,
        Map.of(FAIL_AFTER_REMINDER, false));
    repositoryService.createDeployment().name("sla-side-by-side-template").enableDuplicateFiltering(false)
        .addModelInstance("sla-side-by-side.bpmn", asSideBySideProcess(Ladder.TEMPLATE)).deploy();
    String templateKey = "template-" + UUID.randomUUID();
    ProcessInstance template = runtimeService.startProcessInstanceByKey(SIDE_BY_SIDE, templateKey);
    assertThat(template.getProcessDefinitionId()).isNotEqualTo(drawn.getProcessDefinitionId());

    for (ProcessInstance instance : new ProcessInstance[] {drawn, template}) {
      driver.runDueJobsAt(instance.getId(), driver.at("2031-03-04T14:00"));
      driver.runDueJobsAt(instance.getId(), driver.at("2031-03-11T10:00"));
    }

    String subject = "\"Review request\" is %s (SLA side by side test %s)";
    for (String businessKey : new String[] {drawnKey, templateKey}) {
      mailbox.awaitMails("will", "Reminder: " + subject.formatted("due", businessKey), 1);
      mailbox.awaitMails("will", "Escalated: " + subject.formatted("overdue", businessKey), 1);
    }
    mailbox.awaitOutboxProcessed();
    for (ProcessInstance instance : new ProcessInstance[] {drawn, template}) {
      assertThat(instance).isWaitingAt(TASK);
      assertThat(escalations.findByProcessInstanceId(instance.getId())).singleElement()
          .extracting(TaskEscalation::escalatedTo).isEqualTo("will");
    }
    assertThat(drawn).hasPassed("Task_RemindReviewRequest", "Task_EscalateReviewRequest");
    for (String businessKey : new String[] {drawnKey, templateKey}) {
      assertThat(mailbox.mailsTo("wendy", "Reminder: " + subject.formatted("due", businessKey))).hasSize(1);
      assertThat(mailbox.mailsTo("will", "Escalated: " + subject.formatted("overdue", businessKey))).hasSize(1);
    }
  }

  /** The test model of the ladder as a version of one process of its own, so no other test starts it. */
  private static BpmnModelInstance asSideBySideProcess(Ladder ladder) {
    return asVersionOf(ladder, SIDE_BY_SIDE, "SLA side by side test");
  }

  /** The test model of the ladder as a version of the process {@code processId}. */
  static BpmnModelInstance asVersionOf(Ladder ladder, String processId, String processName) {
    BpmnModelInstance model = Bpmn.readModelFromStream(SlaLadderTest.class.getResourceAsStream("/" + ladder.model));
    Process process = model.getModelElementById(ladder.process);
    process.setId(processId);
    process.setName(processName);
    return model;
  }

  /** Subjects name the case: "Reminder: "Review request" is due (SLA ladder test request-...)". */
  static String reminderFor(Ladder ladder, String businessKey) {
    return "Reminder: \"Review request\" is due (" + ladder.processName + " " + businessKey + ")";
  }

  static String escalationOf(Ladder ladder, String businessKey) {
    return "Escalated: \"Review request\" is overdue (" + ladder.processName + " " + businessKey + ")";
  }

  private ProcessInstance start(Ladder ladder, boolean failAfterReminder) {
    return runtimeService.startProcessInstanceByKey(ladder.process, businessKey,
        Map.of(FAIL_AFTER_REMINDER, failAfterReminder));
  }

  private Task taskOf(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  /** Tasklist's filter "Escalated". */
  private String escalatedFilterId() {
    return filterService.createFilterQuery().filterName("Escalated").singleResult().getId();
  }

  private void runDueJobsAt(ProcessInstance instance, String localDateTime) {
    driver.runDueJobsAt(instance.getId(), driver.at(localDateTime));
  }

}
