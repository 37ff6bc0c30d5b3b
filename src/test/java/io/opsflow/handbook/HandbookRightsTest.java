package io.opsflow.handbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.OpsflowSpringTest;
import io.opsflow.PageSession;
import io.opsflow.ProcessDriver;
import io.opsflow.clients.OpsflowApi;
import io.opsflow.notify.TestMailbox;
import io.opsflow.sla.SlaStep;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who reads which part of the handbook, over real HTTP with the employees' login (or Tasklist's),
 * and the way from a task and its mails to its step.
 */
@OpsflowSpringTest
class HandbookRightsTest {

  private static final String ORDERS = "/handbook/processes/Process_OrderFulfillment";
  private static final String ONBOARDING = "/handbook/processes/Process_EmployeeOnboarding";

  @RegisterExtension
  static final TestMailbox mailbox = new TestMailbox();
  @RegisterExtension
  final ProcessDriver driver = new ProcessDriver();

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired TaskService taskService;
  @Autowired RepositoryService repositoryService;

  @Test
  void wendySeesOrderFulfillmentAndNotEmployeeOnboarding() {
    PageSession wendy = new PageSession(port).logIn("wendy");

    PageSession.Answer index = wendy.open("/handbook");
    assertThat(index.status()).isEqualTo(200);
    assertThat(index.body()).contains("Order fulfillment", "Change rollout", "What Warehouse does")
        .doesNotContain("Employee onboarding", "What the handbook cannot explain yet");
    int version = repositoryService.createProcessDefinitionQuery().processDefinitionKey("Process_OrderFulfillment")
        .latestVersion().singleResult().getVersion();
    PageSession.Answer orders = wendy.open(ORDERS);
    assertThat(orders.status()).isEqualTo(200);
    assertThat(orders.body()).contains("<title>Opsflow: Order fulfillment</title>", "id=\"step-Task_PickAndPackOrder\"",
        "Pick and pack order", "Warehouse", "Within 8 working hours; reminder when due, escalated to the lead of the group",
        "Items are missing", "<q>DHL</q>", "Order approved? Yes", "Version " + version + ", deployed", "What changed",
        "data-diagram=\"/handbook/processes/Process_OrderFulfillment/diagram?version=" + version + "\"");
    assertThat(wendy.open(ONBOARDING).status()).isEqualTo(403);
    assertThat(wendy.open(ONBOARDING).body()).contains("Not for your login").doesNotContain("Create accounts");
    assertThat(wendy.get(ONBOARDING + "/diagram").status()).isEqualTo(403);
    assertThat(wendy.get(ORDERS + "/diagram").body()).contains("Task_PickAndPackOrder");

    PageSession.Answer warehouse = wendy.open("/handbook/roles/warehouse");
    assertThat(warehouse.status()).isEqualTo(200);
    assertThat(warehouse.body()).contains("What Warehouse does", "Pick and pack order", "Ship order", "Recurring work")
        .doesNotContain("Approve order", "Decide on backorder");
    assertThat(wendy.open("/handbook/roles/hr").status()).isEqualTo(403);
    assertThat(wendy.open("/handbook/gaps").status()).isEqualTo(403);
  }

  @Test
  void managementAndAdministratorsSeeEveryProcessAndOnlyAdministratorsTheGaps() {
    for (String user : new String[] {"olivia", "admin"}) {
      PageSession session = new PageSession(port).logIn(user);
      assertThat(session.open("/handbook").body()).as(user).contains("Order fulfillment", "Employee onboarding", "Change rollout");
      assertThat(session.open(ONBOARDING).status()).as(user).isEqualTo(200);
      assertThat(session.open("/handbook/roles/hr").body()).as(user).contains("What Human resources does",
          "Collect signed contract and documents");
    }
    assertThat(new PageSession(port).logIn("olivia").open("/handbook/gaps").status()).isEqualTo(403);
    PageSession.Answer gaps = new PageSession(port).logIn("admin").open("/handbook/gaps");
    assertThat(gaps.status()).isEqualTo(200);
    assertThat(gaps.body()).contains("What the handbook cannot explain yet");
  }

  @Test
  void samStartsOrdersButDoesNotReadTheWarehousesWork() {
    PageSession sam = new PageSession(port).logIn("sam");
    assertThat(sam.open(ORDERS).status()).isEqualTo(200);
    assertThat(sam.open("/handbook").body()).contains("Order fulfillment").doesNotContain("Employee onboarding");
    assertThat(sam.open("/handbook/roles/warehouse").status()).isEqualTo(403);
    assertThat(sam.open("/handbook/roles/sales").body()).contains("Decide on backorder");
  }

  @Test
  void anonymousGetsTheLoginAndUnknownProcessesAndGroupsAreNotFound() {
    PageSession.Answer anonymous = new PageSession(port).open("/handbook");
    assertThat(anonymous.status()).isEqualTo(302);
    assertThat(anonymous.location()).endsWith("/me/login");
    assertThat(new PageSession(port).open(ORDERS).location()).endsWith("/me/login");

    PageSession olivia = new PageSession(port).logIn("olivia");
    for (String unknown : new String[] {"/handbook/processes/Process_NoSuchThing", "/handbook/roles/no-such-group",
        "/handbook/tasks/no-such-task", "/handbook/processes/Process_OrderFulfillment?version=99"}) {
      PageSession.Answer answer = olivia.open(unknown);
      assertThat(answer.status()).as(unknown).isEqualTo(404);
      assertThat(answer.body()).as(unknown).contains("<title>Opsflow: Page not found</title>").doesNotContain("no-such");
    }
  }

  @Test
  void someoneLoggedInToTasklistReadsTheHandbookWithoutAnotherLogin() {
    PageSession wendy = new PageSession(port).logInToTasklist("wendy");
    assertThat(wendy.open("/handbook").status()).isEqualTo(200);
    assertThat(wendy.get("/me/links").body()).contains("\"href\":\"/handbook\"").doesNotContain("/me/webhooks");
    assertThat(new PageSession(port).logInToTasklist("admin").get("/me/links").body()).contains("\"href\":\"/me/webhooks\"");
  }

  @Test
  void aTaskAndItsMailsLeadToItsStep() {
    JsonNode order = new OpsflowApi(http).placeOrder("sam");
    String instance = order.get("processInstanceId").asText();
    Task pick = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    String step = "/handbook/processes/Process_OrderFulfillment#step-Task_PickAndPackOrder";
    String stepOfItsVersion = "/handbook/processes/Process_OrderFulfillment?version="
        + repositoryService.getProcessDefinition(pick.getProcessDefinitionId()).getVersion() + "#step-Task_PickAndPackOrder";
    String ofThisOrder = "(Order fulfillment " + order.get("id").asText() + ")";

    PageSession.Answer fromTask = new PageSession(port).logIn("wendy").open("/handbook/tasks/" + pick.getId());
    assertThat(fromTask.status()).isEqualTo(303);
    assertThat(fromTask.location()).isEqualTo(stepOfItsVersion);
    assertThat(new PageSession(port).logIn("sam").open("/handbook/tasks/" + pick.getId()).status())
        .as("not sam's task").isEqualTo(404);

    assertThat(mailbox.awaitMails("wendy", 1, "New task for your group: \"Pick and pack order\"", ofThisOrder)).singleElement()
        .satisfies(mail -> assertThat(mail.body()).contains("How to do this step (handbook):\nhttp://localhost:8080" + step));
    driver.fireWhenDue(instance, "Task_PickAndPackOrder", SlaStep.REMINDER);
    assertThat(mailbox.awaitMails("wendy", 1, "Reminder: \"Pick and pack order\"", ofThisOrder)).singleElement()
        .satisfies(mail -> assertThat(mail.body()).contains("http://localhost:8080" + step));
    driver.fireWhenDue(instance, "Task_PickAndPackOrder", SlaStep.ESCALATION);
    assertThat(mailbox.awaitMails("will", 1, "Escalated: \"Pick and pack order\"", ofThisOrder)).singleElement()
        .satisfies(mail -> assertThat(mail.body()).contains("http://localhost:8080" + step));
  }
}
