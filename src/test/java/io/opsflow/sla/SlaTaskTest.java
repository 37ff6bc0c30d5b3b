package io.opsflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.ProcessDriver;
import io.opsflow.notify.TestMailbox;
import io.opsflow.notify.TestMailbox.ReceivedMail;
import io.opsflow.platform.TasklistFilters;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A process drawn in Camunda Modeler with only the element template "SLA'd user task"
 * ({@code sla/sla-task.bpmn}: due in 8 working hours, grace period 4 working hours) gets the whole
 * ladder without anything drawn: the reminder at the due date, the escalation after the grace period,
 * each once, both gone when the task is completed.
 */
@OpsflowSpringTest
class SlaTaskTest {

  static final String PROCESS = "Process_SlaTask";
  static final String TASK = "Task_ReviewRequest";

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
  @Autowired WorkingCalendar calendar;
  @Autowired AbsenceRepository absences;

  String businessKey;

  @BeforeEach
  void deployTestModelOnMondayMorning() {
    repositoryService.createDeployment().name("sla-task-test").enableDuplicateFiltering(false)
        .addClasspathResource("sla/sla-task.bpmn").deploy();
    init(processEngine);
    businessKey = "request-" + UUID.randomUUID();
    driver.clockAt("2031-03-03T10:00"); // a Monday
  }

  @Test
  void theModelDrawsNoLadder() {
    String definition = runtimeService.startProcessInstanceByKey(PROCESS, businessKey).getProcessDefinitionId();

    assertThat(repositoryService.getBpmnModelInstance(definition).getModelElementsByType(FlowNode.class))
        .extracting(FlowNode::getId)
        .containsExactlyInAnyOrder("StartEvent_RequestReceived", TASK, "EndEvent_RequestReviewed");
  }

  @Test
  void remindsTheAssigneeWhenDueThenEscalatesToTheManagerOnce() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS, businessKey);
    Task task = taskOf(instance);
    taskService.setAssignee(task.getId(), "wendy");
    assertThat(task.getDueDate()).isEqualTo(driver.at("2031-03-04T10:00"));

    assertThat(driver.fireWhenDue(instance.getId(), TASK, SlaStep.REMINDER)).isEqualTo(task.getDueDate());

    ReceivedMail reminder = mailbox.awaitMails("wendy", reminderFor(businessKey), 1).get(0);
    assertThat(reminder.body()).contains("Business key: " + businessKey, "Due:          Tue 4 Mar 2031, 10:00 (",
        "Assigned to:  Wendy Picker (wendy)", "/#/?task=" + task.getId());
    assertThat(escalations.existsByTaskId(task.getId())).isFalse();
    assertThat(taskService.getVariableLocal(task.getId(), TasklistFilters.ESCALATED_VARIABLE)).isNull();

    assertThat(driver.fireWhenDue(instance.getId(), TASK, SlaStep.ESCALATION)).isEqualTo(driver.at("2031-03-04T14:00"));

    ReceivedMail escalation = mailbox.awaitMails("will", escalationOf(businessKey), 1).get(0);
    assertThat(escalation.body()).contains("as the manager of Wendy Picker (wendy)");
    assertThat(taskService.getVariableLocal(task.getId(), TasklistFilters.ESCALATED_VARIABLE)).isEqualTo(true);
    assertThat(filterService.<Task, TaskQuery>list(escalatedFilterId(), taskService.createTaskQuery().processInstanceId(instance.getId())))
        .extracting(Task::getId).containsExactly(task.getId());
    TaskEscalation recorded = escalations.findByProcessInstanceId(instance.getId()).get(0);
    assertThat(recorded.taskId()).isEqualTo(task.getId());
    assertThat(recorded.processDefinitionKey()).isEqualTo(PROCESS);
    assertThat(recorded.taskDefinitionKey()).isEqualTo(TASK);
    assertThat(recorded.escalatedTo()).isEqualTo("will");
    assertThat(recorded.escalatedAt()).isEqualTo(driver.at("2031-03-04T14:00").toInstant());

    driver.runDueJobsAt(instance.getId(), driver.at("2031-03-11T10:00"));
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    mailbox.awaitOutboxProcessed();
    assertThat(mailbox.mailsTo("wendy", reminderFor(businessKey))).hasSize(1);
    assertThat(mailbox.mailsTo("will", escalationOf(businessKey))).hasSize(1);
    assertThat(instance).isWaitingAt(TASK);
  }

  @Test
  void remindsTheGroupOfAnUnassignedTaskAndEscalatesToItsLead() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS, businessKey);

    driver.runDueJobsAt(instance.getId(), driver.at("2031-03-04T14:01"));

    assertThat(mailbox.awaitMails("wendy", reminderFor(businessKey), 1).get(0).body())
        .contains("Offered to:   group warehouse");
    assertThat(mailbox.awaitMails("will", escalationOf(businessKey), 1).get(0).body()).contains("as the lead of the team");
  }

  @Test
  void anEscalationForAManagerWhoIsAwayGoesToTheirManager() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS, businessKey);
    taskService.setAssignee(taskOf(instance).getId(), "wendy");
    Absence willAway = absences.save(new Absence("will", LocalDate.parse("2031-03-04"), LocalDate.parse("2031-03-05"),
        "wendy", "will", Instant.now()));
    try {
      driver.runDueJobsAt(instance.getId(), driver.at("2031-03-04T14:01"));

      assertThat(mailbox.awaitMails("olivia", escalationOf(businessKey), 1)).hasSize(1);
      assertThat(escalations.findByProcessInstanceId(instance.getId())).singleElement()
          .extracting(TaskEscalation::escalatedTo).isEqualTo("olivia");
    } finally {
      absences.delete(willAway);
    }
  }

  @Test
  void completingTheTaskBeforeItIsDueLeavesNoTimer() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS, businessKey);
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers().count()).isEqualTo(2);

    driver.clockAt("2031-03-04T09:30");
    taskService.complete(taskOf(instance).getId());

    assertThat(instance).isEnded().hasPassed("EndEvent_RequestReviewed");
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(escalations.findByProcessInstanceId(instance.getId())).isEmpty();
  }

  @Test
  void completingTheTaskAfterTheReminderCancelsTheEscalation() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS, businessKey);
    driver.runDueJobsAt(instance.getId(), driver.at("2031-03-04T10:00"));
    mailbox.awaitMails("wendy", reminderFor(businessKey), 1);

    taskService.complete(taskOf(instance).getId());
    driver.runDueJobsAt(instance.getId(), driver.at("2031-03-11T10:00"));

    assertThat(instance).isEnded();
    assertThat(escalations.findByProcessInstanceId(instance.getId())).isEmpty();
  }

  /** Tasklist's filter "Escalated". */
  private String escalatedFilterId() {
    return filterService.createFilterQuery().filterName("Escalated").singleResult().getId();
  }

  private Task taskOf(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  static String reminderFor(String businessKey) {
    return "Reminder: \"Review request\" is due (SLA task test " + businessKey + ")";
  }

  static String escalationOf(String businessKey) {
    return "Escalated: \"Review request\" is overdue (SLA task test " + businessKey + ")";
  }
}
