package io.opsflow.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Management watches the running processes in Cockpit; employees stay out of Admin. */
@OpsflowSpringTest
class CockpitIT {

  private static final String ORDER_FULFILLMENT = "Process_OrderFulfillment";
  private static final String ONBOARDING = "Process_EmployeeOnboarding";

  @RegisterExtension
  static final Browser browser = new Browser();

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;

  @Test
  void oliviaSeesTheRunningInstancesWithTheirDiagram() {
    OpsflowApi api = new OpsflowApi(http);
    api.placeOrder("sam");
    api.recordHire("hugo", "Alan Turing " + UUID.randomUUID().toString().substring(0, 8), OpsflowApi.mondayInAWeek());
    Cockpit cockpit = new Cockpit(browser);

    cockpit.logIn("olivia");

    assertThat(cockpit.processes())
        .containsEntry(ORDER_FULFILLMENT, running(ORDER_FULFILLMENT))
        .containsEntry(ONBOARDING, running(ONBOARDING));
    cockpit.openProcess(ORDER_FULFILLMENT);
    assertThat(cockpit.instancesAt("Task_PickAndPackOrder")).isPositive()
        .isEqualTo(waitingAt(ORDER_FULFILLMENT, "Task_PickAndPackOrder"));
    cockpit.processes();
    cockpit.openProcess(ONBOARDING);
    assertThat(cockpit.instancesAt("Task_CollectDocuments")).isPositive()
        .isEqualTo(waitingAt(ONBOARDING, "Task_CollectDocuments"));
  }

  @Test
  void wendyCannotOpenAdmin() {
    CamundaLogin login = new CamundaLogin(browser);
    login.logIn("/camunda/app/admin/default/", "wendy");

    assertThat(login.refusal()).contains("missing access rights to application");
  }

  private int running(String processKey) {
    return (int) runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey).count();
  }

  private int waitingAt(String processKey, String activityId) {
    return (int) runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey).activityIdIn(activityId).count();
  }
}
