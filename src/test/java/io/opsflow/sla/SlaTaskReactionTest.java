package io.opsflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.ProcessDriver;
import io.opsflow.notify.TestMailbox;
import io.opsflow.platform.TasklistFilters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An SLA'd multi-instance task whose escalation the process reacts to: each instance has its own
 * ladder (a completed one gets nothing), and each escalation throws the template's escalation code
 * once, to a non-interrupting event sub-process that asks management to re-plan.
 */
@OpsflowSpringTest
class SlaTaskReactionTest {

  static final String PROCESS = "Process_SlaTaskReaction";

  @RegisterExtension
  static final TestMailbox mailbox = new TestMailbox();
  @RegisterExtension
  final ProcessDriver driver = new ProcessDriver();

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired TaskEscalationRepository escalations;

  @BeforeEach
  void deploy() {
    ProcessBuilder process = Bpmn.createExecutableProcess(PROCESS).name("SLA reaction test").camundaHistoryTimeToLive(1);
    process.eventSubProcess("SubProcess_ApprovalLate").startEvent("StartEvent_ApprovalLate").interrupting(false)
        .escalation("ApprovalLate").userTask("Task_ReplanRequest").name("Re-plan request").camundaCandidateGroups("management")
        .endEvent("EndEvent_RequestReplanned");
    BpmnModelInstance model = process.startEvent("StartEvent_RequestReceived")
        .userTask("Task_ApproveRequest").name("Approve request").camundaAssignee("${approver}")
        .camundaDueDate("${sla.workingHours('PT8H')}")
        .multiInstance().camundaCollection("${approvers}").camundaElementVariable("approver").multiInstanceDone()
        .endEvent("EndEvent_RequestApproved").done();
    repositoryService.createDeployment().name("sla-reaction-test").enableDuplicateFiltering(false)
        .addModelInstance("sla-reaction.bpmn", SlaTemplate.apply(model, "Task_ApproveRequest", "PT4H", "ApprovalLate"))
        .deploy();
    driver.clockAt("2031-03-03T10:00");
  }

  @Test
  void everyOpenInstanceIsEscalatedOnceAndEachEscalationAsksForAReplan() {
    String businessKey = "approval-" + UUID.randomUUID();
    String instance = runtimeService.startProcessInstanceByKey(PROCESS, businessKey,
        Map.of("approvers", List.of("fred", "hugo", "ian"))).getId();
    taskService.complete(taskOf(instance, "fred").getId());

    driver.runDueJobsAt(instance, driver.at("2031-03-04T14:01"));

    String reminder = "Reminder: \"Approve request\" is due (SLA reaction test " + businessKey + ")";
    String escalation = "Escalated: \"Approve request\" is overdue (SLA reaction test " + businessKey + ")";
    mailbox.awaitMails("hugo", reminder, 1);
    mailbox.awaitMails("ian", reminder, 1);
    mailbox.awaitMails("helen", escalation, 1);
    mailbox.awaitMails("irene", escalation, 1);
    assertThat(escalations.findByProcessInstanceId(instance)).extracting(TaskEscalation::escalatedTo)
        .containsExactlyInAnyOrder("helen", "irene");
    assertThat(taskService.getVariableLocal(taskOf(instance, "hugo").getId(), TasklistFilters.ESCALATED_VARIABLE))
        .isEqualTo(true);
    assertThat(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_ReplanRequest").count())
        .isEqualTo(2);
    mailbox.awaitOutboxProcessed();
    assertThat(mailbox.mailsTo("fred", reminder)).isEmpty();
    assertThat(mailbox.mailsTo("fiona", escalation)).isEmpty();

    driver.runDueJobsAt(instance, driver.at("2031-03-11T10:00"));
    assertThat(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_ReplanRequest").count())
        .isEqualTo(2);
    assertThat(escalations.findByProcessInstanceId(instance)).hasSize(2);
  }

  private Task taskOf(String instance, String assignee) {
    return taskService.createTaskQuery().processInstanceId(instance).taskAssignee(assignee).singleResult();
  }
}
