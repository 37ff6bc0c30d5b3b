package io.opsflow.sla;

import io.opsflow.ProcessDriver;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.notify.TestMailbox;
import io.opsflow.platform.TasklistFilters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ladder on a multi-instance task ({@code sla/sla-ladder-multi-instance.bpmn}): one timer
 * pair for all instances; the steps reach every task still open, and only those.
 */
@OpsflowSpringTest
class SlaLadderMultiInstanceTest {

  @RegisterExtension
  static final TestMailbox mailbox = new TestMailbox();
  @RegisterExtension
  final ProcessDriver driver = new ProcessDriver();

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired TaskEscalationRepository escalations;

  @Test
  void remindsAndEscalatesEveryOpenInstanceButNotACompletedOne() {
    repositoryService.createDeployment().name("sla-ladder-multi-instance-test").enableDuplicateFiltering(false)
        .addClasspathResource("sla/sla-ladder-multi-instance.bpmn").deploy();
    driver.clockAt("2031-03-03T10:00");
    String businessKey = "approval-" + UUID.randomUUID();
    String instance = runtimeService.startProcessInstanceByKey("Process_SlaLadderMultiInstance", businessKey,
        Map.of("approvers", List.of("fred", "hugo", "ian"))).getId();
    taskService.complete(taskOf(instance, "fred").getId());

    driver.runDueJobsAt(instance, driver.at("2031-03-04T14:01"));

    String reminder = "Reminder: \"Approve request\" is due (SLA ladder multi-instance test " + businessKey + ")";
    String escalation = "Escalated: \"Approve request\" is overdue (SLA ladder multi-instance test " + businessKey + ")";
    mailbox.awaitMails("hugo", reminder, 1);
    mailbox.awaitMails("ian", reminder, 1);
    mailbox.awaitMails("helen", escalation, 1);
    mailbox.awaitMails("irene", escalation, 1);
    assertThat(escalations.findByProcessInstanceId(instance)).extracting(TaskEscalation::escalatedTo)
        .containsExactlyInAnyOrder("helen", "irene");
    assertThat(taskService.getVariableLocal(taskOf(instance, "hugo").getId(), TasklistFilters.ESCALATED_VARIABLE)).isEqualTo(true);
    mailbox.awaitOutboxProcessed();
    assertThat(mailbox.mailsTo("fred", reminder)).isEmpty();
    assertThat(mailbox.mailsTo("fiona", escalation)).isEmpty();
  }

  private Task taskOf(String instance, String assignee) {
    return taskService.createTaskQuery().processInstanceId(instance).taskAssignee(assignee).singleResult();
  }
}
