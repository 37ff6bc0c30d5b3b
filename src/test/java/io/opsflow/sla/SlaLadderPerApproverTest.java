package io.opsflow.sla;

import io.opsflow.ProcessDriver;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.notify.TestMailbox;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ladder inside a repeated sub-process ({@code sla/sla-ladder-per-approver.bpmn}): each
 * instance has its own timers, and its steps reach only its own task. Hugo's SLA is 2 working
 * hours (escalation after 6), the others' 8 (escalation after 12).
 */
@OpsflowSpringTest
class SlaLadderPerApproverTest {

  @RegisterExtension
  static final TestMailbox mailbox = new TestMailbox();
  @RegisterExtension
  final ProcessDriver driver = new ProcessDriver();

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskEscalationRepository escalations;

  @Test
  void eachInstancesStepsReachOnlyItsOwnTask() {
    repositoryService.createDeployment().name("sla-ladder-per-approver-test").enableDuplicateFiltering(false)
        .addClasspathResource("sla/sla-ladder-per-approver.bpmn").deploy();
    driver.clockAt("2031-03-03T09:00");
    String businessKey = "approval-" + UUID.randomUUID();
    String reminder = "Reminder: \"Approve request\" is due (SLA ladder per approver test " + businessKey + ")";
    String escalation = "Escalated: \"Approve request\" is overdue (SLA ladder per approver test " + businessKey + ")";
    String instance = runtimeService.startProcessInstanceByKey("Process_SlaLadderPerApprover", businessKey,
        Map.of("approvers", List.of("hugo", "ian"))).getId();

    driver.runDueJobsAt(instance, driver.at("2031-03-03T15:01"));

    mailbox.awaitMails("hugo", reminder, 1);
    mailbox.awaitMails("helen", escalation, 1);
    assertThat(escalations.findByProcessInstanceId(instance)).extracting(TaskEscalation::escalatedTo)
        .containsExactly("helen");
    mailbox.awaitOutboxProcessed();
    assertThat(mailbox.mailsTo("ian", reminder)).isEmpty();

    driver.runDueJobsAt(instance, driver.at("2031-03-04T13:01"));

    mailbox.awaitMails("ian", reminder, 1);
    mailbox.awaitMails("irene", escalation, 1);
    assertThat(escalations.findByProcessInstanceId(instance)).extracting(TaskEscalation::escalatedTo)
        .containsExactlyInAnyOrder("helen", "irene");
    assertThat(mailbox.mailsTo("hugo", reminder)).hasSize(1);
  }
}
