package io.opsflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.notify.TestMailbox.ReceivedMail;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** The "Send notification" element template, applied in {@code notify/send-notification.bpmn}. */
@OpsflowSpringTest
class SendNotificationTest {

  @RegisterExtension
  static final TestMailbox mailbox = new TestMailbox();

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  @Test
  void mailsTheFilledInTextToAddressesAndGroupMembers() {
    repositoryService.createDeployment().name("send-notification-test").enableDuplicateFiltering(false)
        .addClasspathResource("notify/send-notification.bpmn").deploy();
    String orderNumber = "order-" + UUID.randomUUID();
    String instance = runtimeService.startProcessInstanceByKey("Process_SendNotification", orderNumber,
        Map.of("customerEmail", "ada@example.com", "customerName", "Ada", "orderNumber", orderNumber)).getId();

    managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).singleResult().getId());

    ReceivedMail toCustomer = mailbox.awaitMails("ada@example.com", orderNumber, 1).get(0);
    assertThat(toCustomer.subject()).isEqualTo("Order " + orderNumber + " received");
    assertThat(toCustomer.body()).isEqualTo("Hello Ada,\n\nwe have received your order " + orderNumber + ".");
    assertThat(mailbox.awaitMails("wendy", orderNumber, 1)).hasSize(1);
    assertThat(mailbox.awaitMails("will", orderNumber, 1)).hasSize(1);
  }
}
