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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ladder on a multi-instance task approved by fred, hugo and ian, where fred approves in time:
 * the steps reach every task still open, and only those. Drawn ({@code sla/sla-ladder-multi-instance.bpmn}:
 * one timer pair for all instances) and from the template (a timer pair per instance), where the
 * process also reacts to each escalation: the template's escalation code starts a non-interrupting
 * event sub-process that asks management to re-plan, once per escalated task.
 */
@OpsflowSpringTest
class SlaLadderMultiInstanceTest {

  static final String REPLAN = "Task_ReplanRequest";

  @RegisterExtension
  static final TestMailbox mailbox = new TestMailbox();
  @RegisterExtension
  final ProcessDriver driver = new ProcessDriver();

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired TaskEscalationRepository escalations;

  @Test
  void theDrawnLadderRemindsAndEscalatesEveryOpenInstanceButNotACompletedOne() {
    repositoryService.createDeployment().name("sla-ladder-multi-instance-test").enableDuplicateFiltering(false)
        .addClasspathResource("sla/sla-ladder-multi-instance.bpmn").deploy();

    startAndLetFredApproveInTime("Process_SlaLadderMultiInstance", "SLA ladder multi-instance test");
  }

  @Test
  void theTemplatesLadderRemindsAndEscalatesEveryOpenInstanceAndEachEscalationAsksForAReplan() {
    repositoryService.createDeployment().name("sla-template-multi-instance-test").enableDuplicateFiltering(false)
        .addModelInstance("sla-template-multi-instance.bpmn", templateModelWithAReaction()).deploy();

    String instance = startAndLetFredApproveInTime("Process_SlaTemplateMultiInstance", "SLA template multi-instance test");

    assertThat(replans(instance)).isEqualTo(2);
    driver.runDueJobsAt(instance, driver.at("2031-03-11T10:00"));
    assertThat(replans(instance)).as("once per escalated task").isEqualTo(2);
    assertThat(escalations.findByProcessInstanceId(instance)).hasSize(2);
  }

  /**
   * Fred approves before the due date; the clock passes the escalation of the others. Hugo and ian are
   * reminded, their managers helen and irene get the escalation; fred and his manager fiona get nothing.
   */
  private String startAndLetFredApproveInTime(String process, String processName) {
    driver.clockAt("2031-03-03T10:00");
    String businessKey = "approval-" + UUID.randomUUID();
    String instance = runtimeService.startProcessInstanceByKey(process, businessKey,
        Map.of("approvers", List.of("fred", "hugo", "ian"))).getId();
    taskService.complete(taskOf(instance, "fred").getId());

    driver.runDueJobsAt(instance, driver.at("2031-03-04T14:01"));

    String reminder = "Reminder: \"Approve request\" is due (" + processName + " " + businessKey + ")";
    String escalation = "Escalated: \"Approve request\" is overdue (" + processName + " " + businessKey + ")";
    mailbox.awaitMails("hugo", reminder, 1);
    mailbox.awaitMails("ian", reminder, 1);
    mailbox.awaitMails("helen", escalation, 1);
    mailbox.awaitMails("irene", escalation, 1);
    assertThat(escalations.findByProcessInstanceId(instance)).extracting(TaskEscalation::escalatedTo)
        .containsExactlyInAnyOrder("helen", "irene");
    assertThat(taskService.getVariableLocal(taskOf(instance, "hugo").getId(), TasklistFilters.ESCALATED_VARIABLE))
        .isEqualTo(true);
    mailbox.awaitOutboxProcessed();
    assertThat(mailbox.mailsTo("fred", reminder)).isEmpty();
    assertThat(mailbox.mailsTo("fiona", escalation)).isEmpty();
    return instance;
  }

  /** Approvers, each with the template's SLA (8 working hours, 4 of grace); an escalation asks management to re-plan. */
  static BpmnModelInstance templateModelWithAReaction() {
    ProcessBuilder process = Bpmn.createExecutableProcess("Process_SlaTemplateMultiInstance")
        .name("SLA template multi-instance test").camundaHistoryTimeToLive(1);
    process.eventSubProcess("SubProcess_ApprovalLate").startEvent("StartEvent_ApprovalLate").interrupting(false)
        .escalation("ApprovalLate").userTask(REPLAN).name("Re-plan request").camundaCandidateGroups("management")
        .endEvent("EndEvent_RequestReplanned");
    BpmnModelInstance model = process.startEvent("StartEvent_RequestReceived")
        .userTask("Task_ApproveRequest").name("Approve request").camundaAssignee("${approver}")
        .camundaDueDate("${sla.workingHours('PT8H')}")
        .multiInstance().camundaCollection("${approvers}").camundaElementVariable("approver").multiInstanceDone()
        .endEvent("EndEvent_RequestApproved").done();
    return SlaTemplate.apply(model, "Task_ApproveRequest", "PT4H", "ApprovalLate");
  }

  private long replans(String instance) {
    return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(REPLAN).count();
  }

  private Task taskOf(String instance, String assignee) {
    return taskService.createTaskQuery().processInstanceId(instance).taskAssignee(assignee).singleResult();
  }
}
