package io.opsflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.ProcessDriver;
import io.opsflow.notify.TestMailbox;
import io.opsflow.sla.SlaLadderTest.Ladder;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ladder when running instances move to a newer version (the engine's migration, as the
 * versions module plans it for steps with equal ids): a task keeps its timers, job ids and due dates
 * included, every instance of a multi-instance task too, and the newer version still gives new tasks
 * their ladder afterwards; a task of a version whose ladder was drawn gets the template's timers,
 * due when its drawn timers were (not counted from the migration), and a step the drawn ladder took
 * already is not taken again.
 */
@OpsflowSpringTest
class SlaLadderMigrationTest {

  static final String TASK = SlaLadderTest.TASK;

  @RegisterExtension
  static final TestMailbox mailbox = new TestMailbox();
  @RegisterExtension
  final ProcessDriver driver = new ProcessDriver();

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskEscalationRepository escalations;

  String processId;
  String businessKey;

  @BeforeEach
  void aProcessOfItsOwnOnMondayMorning() {
    processId = "Process_SlaMigration" + UUID.randomUUID().toString().replace("-", "");
    businessKey = "migration-" + UUID.randomUUID();
    driver.clockAt("2031-03-03T10:00");
  }

  @Test
  void everyInstanceOfAMultiInstanceTaskKeepsItsTimersAndTheVersionKeepsItsLadder() {
    BpmnModelInstance model = SlaLadderMultiInstanceTest.templateModelWithAReaction();
    ProcessDefinition first = deploy(renamed(model));
    String instance = runtimeService.startProcessInstanceById(first.getId(), businessKey,
        Map.of("approvers", List.of("fred", "hugo", "ian"))).getId();
    Map<String, Date> timers = timers(instance);
    assertThat(timers).hasSize(6);

    ProcessDefinition second = deploy(renamed(model));
    migrate(instance, first, second);

    assertThat(timers(instance)).isEqualTo(timers);
    driver.clockAt("2031-03-03T11:00");
    String later = runtimeService.startProcessInstanceById(second.getId(),
        Map.of("approvers", List.of("fred", "hugo"))).getId();
    assertThat(driver.dueDatesOf(later, "Task_ApproveRequest", SlaStep.REMINDER))
        .containsExactly(driver.at("2031-03-04T11:00"), driver.at("2031-03-04T11:00"));
    assertThat(driver.dueDatesOf(later, "Task_ApproveRequest", SlaStep.ESCALATION))
        .containsExactly(driver.at("2031-03-04T15:00"), driver.at("2031-03-04T15:00"));
    driver.runDueJobsAt(instance, driver.at("2031-03-04T14:01"));
    assertThat(escalations.findByProcessInstanceId(instance)).extracting(TaskEscalation::escalatedTo)
        .containsExactlyInAnyOrder("fiona", "helen", "irene");
  }

  @Test
  void aTaskOfTheDrawnVersionGetsTheTemplatesTimersDueWhenItsDrawnOnesWere() {
    ProcessDefinition drawn = deploy(SlaLadderTest.asVersionOf(Ladder.DRAWN, processId, "SLA migration test"));
    String instance = start(drawn);
    Date reminder = driver.dueDateOf(instance, "Timer_ReviewRequestReminder");
    Date escalation = driver.dueDateOf(instance, "Timer_ReviewRequestEscalation");
    ProcessDefinition template = deploy(SlaLadderTest.asVersionOf(Ladder.TEMPLATE, processId, "SLA migration test"));

    driver.clockAt("2031-03-03T15:00"); // five working hours later: timers counted from now would be late
    migrate(instance, drawn, template);

    assertThat(timers(instance)).hasSize(2);
    assertThat(driver.fireWhenDue(instance, TASK, SlaStep.REMINDER)).isEqualTo(reminder)
        .isEqualTo(driver.at("2031-03-04T10:00"));
    assertThat(driver.fireWhenDue(instance, TASK, SlaStep.ESCALATION)).isEqualTo(escalation)
        .isEqualTo(driver.at("2031-03-04T14:00"));
    assertEachStepOnce();
  }

  @Test
  void aStepTheDrawnLadderTookBeforeTheMigrationIsNotTakenAgain() {
    ProcessDefinition drawn = deploy(SlaLadderTest.asVersionOf(Ladder.DRAWN, processId, "SLA migration test"));
    String instance = start(drawn);
    driver.fireWhenDue(instance, "Timer_ReviewRequestReminder");
    mailbox.awaitMails("will", reminder(), 1);
    ProcessDefinition template = deploy(SlaLadderTest.asVersionOf(Ladder.TEMPLATE, processId, "SLA migration test"));

    migrate(instance, drawn, template);

    assertThat(driver.fireWhenDue(instance, TASK, SlaStep.ESCALATION)).isEqualTo(driver.at("2031-03-04T14:00"));
    assertEachStepOnce();
  }

  private void assertEachStepOnce() {
    mailbox.awaitMails("will", "Escalated: \"Review request\" is overdue (SLA migration test " + businessKey + ")", 1);
    mailbox.awaitOutboxProcessed();
    assertThat(mailbox.mailsTo("wendy", reminder())).hasSize(1);
    assertThat(escalations.findByProcessInstanceId(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey).singleResult().getId())).hasSize(1);
  }

  private String reminder() {
    return "Reminder: \"Review request\" is due (SLA migration test " + businessKey + ")";
  }

  private String start(ProcessDefinition version) {
    return runtimeService.startProcessInstanceById(version.getId(), businessKey,
        Map.of(SlaLadderTest.FAIL_AFTER_REMINDER, false)).getId();
  }

  /** The model as a version of this test's own process. */
  private BpmnModelInstance renamed(BpmnModelInstance model) {
    model.getModelElementsByType(Process.class).iterator().next().setId(processId);
    return model;
  }

  private ProcessDefinition deploy(BpmnModelInstance model) {
    String deployment = repositoryService.createDeployment().name("sla-migration-test")
        .addModelInstance("sla-migration-test.bpmn", model).deploy().getId();
    return repositoryService.createProcessDefinitionQuery().deploymentId(deployment).singleResult();
  }

  private void migrate(String instance, ProcessDefinition from, ProcessDefinition to) {
    runtimeService.newMigration(runtimeService.createMigrationPlan(from.getId(), to.getId()).mapEqualActivities()
        .build()).processInstanceIds(instance).execute();
  }

  /** Due date per timer job id. */
  private Map<String, Date> timers(String instance) {
    return managementService.createJobQuery().processInstanceId(instance).timers().list().stream()
        .collect(Collectors.toMap(Job::getId, Job::getDuedate));
  }
}
