package io.opsflow.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.OpsflowSpringTest;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** The warehouse works an order in Tasklist: pick and pack, ship. */
@OpsflowSpringTest
class OrderInTasklistIT {

  @RegisterExtension
  static final Browser browser = new Browser();

  @Autowired TestRestTemplate http;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;

  OpsflowApi api;
  Tasklist tasklist;

  @BeforeEach
  void clients() {
    api = new OpsflowApi(http);
    tasklist = new Tasklist(browser);
  }

  @Test
  void warehouseShipsAnOrderPlacedThroughTheApi() {
    JsonNode order = api.placeOrder("sam");
    long orderId = order.get("id").asLong();

    tasklist.logIn("wendy");
    tasklist.openFilter("My group tasks");
    tasklist.openTask("Pick and pack order", waitingTask(order, "Task_PickAndPackOrder"));
    tasklist.claim();
    assertThat(tasklist.form().text()).contains("Order " + orderId, OpsflowApi.CABLE_NAME);
    tasklist.complete();

    String shipOrder = waitingTask(order, "Task_ShipOrder");
    tasklist.openFilter("My group tasks");
    tasklist.openTask("Ship order", shipOrder);
    tasklist.claim();
    tasklist.form().select("Carrier", "DHL").type("Tracking number", "JJD014600006281");
    tasklist.complete();

    JsonNode shipped = api.order("sam", orderId);
    assertThat(shipped.get("status").asText()).isEqualTo("SHIPPED");
    assertThat(shipped.get("carrier").asText()).isEqualTo("DHL");
    assertThat(shipped.get("trackingNumber").asText()).isEqualTo("JJD014600006281");
    assertThat(jdbc.queryForMap("select status, carrier, tracking_number from customer_order where id = ?", orderId))
        .containsEntry("STATUS", "SHIPPED").containsEntry("CARRIER", "DHL")
        .containsEntry("TRACKING_NUMBER", "JJD014600006281");
  }

  @Test
  void aFormWithARequiredFieldEmptyIsRefused() {
    JsonNode order = api.placeOrder("sam");
    api.completeTask("wendy", waitingTask(order, "Task_PickAndPackOrder"), Map.of("itemsMissing", false));
    String shipOrder = waitingTask(order, "Task_ShipOrder");

    tasklist.logIn("wendy");
    tasklist.openFilter("My group tasks");
    tasklist.openTask("Ship order", shipOrder);
    tasklist.claim();
    tasklist.form().select("Carrier", "UPS");
    tasklist.completeRefused();

    assertThat(tasklist.form().errorOf("Tracking number")).isEqualTo("Field is required.");
    assertThat(taskService.createTaskQuery().taskId(shipOrder).count()).isOne();
    assertThat(api.order("sam", order.get("id").asLong()).get("status").asText()).isEqualTo("SHIPPING");
  }

  /** The id of the task the order's process waits in. */
  private String waitingTask(JsonNode order, String taskDefinitionKey) {
    Task task = taskService.createTaskQuery().processInstanceId(order.get("processInstanceId").asText()).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(taskDefinitionKey);
    return task.getId();
  }
}
