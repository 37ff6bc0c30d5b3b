package io.opsflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.notify.TestMailbox.ReceivedMail;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Incident alerts, with {@code notify/failing-step.bpmn}: a step that always fails. */
@OpsflowSpringTest
class IncidentAlertsTest {

  @RegisterExtension
  static final TestMailbox mailbox = new TestMailbox();

  @Autowired ProcessEngine processEngine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired Notifications notifications;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;

  @Test
  void theAdministratorsHearOfAnIncidentOnce() {
    repositoryService.createDeployment().name("failing-step-test").enableDuplicateFiltering(false)
        .addClasspathResource("notify/failing-step.bpmn").deploy();
    String businessKey = "call-" + UUID.randomUUID();
    String instance = runtimeService.startProcessInstanceByKey("Process_FailingStep", businessKey).getId();
    Job job = managementService.createJobQuery().processInstanceId(instance).singleResult();

    for (int attempt = 0; attempt < job.getRetries(); attempt++) {
      try {
        managementService.executeJob(job.getId());
      } catch (RuntimeException expected) { // fails every time
      }
    }

    Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance).singleResult();
    ReceivedMail alert = mailbox.awaitMails("admin", businessKey, 1).get(0);
    assertThat(alert.subject()).startsWith("Incident in Failing step test " + businessKey + ": ")
        .contains("unreachableSystem");
    assertThat(alert.body()).contains("Step:         Task_CallUnreachableSystem", "Type:         failedJob",
        "/camunda/app/cockpit/" + processEngine.getName() + "/#/process-instance/" + instance + "/runtime");
    assertThat(Outbox.isQueued(jdbc, "incident-" + incident.getId())).isTrue();
    // mails go out one after the other: once a later one is there, a second alert would be too
    transaction.executeWithoutResult(status -> notifications.send(
        new OutgoingMail(businessKey + "-later", List.of("admin"), "Later " + businessKey, "")));
    mailbox.awaitMails("admin", "Later " + businessKey, 1);
    assertThat(mailbox.mailsTo("admin", "Incident in Failing step test " + businessKey)).hasSize(1);
  }
}
