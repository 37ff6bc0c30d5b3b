package io.opsflow.security;

import static io.opsflow.security.Hostile.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.OpsflowSpringTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A process runs only through its front door: employees start processes at their start event
 * (our API, Tasklist's start form); start messages, start instructions, modifications, signals and
 * job manipulation through the engine REST API are for administrators, on both of its doors.
 */
@OpsflowSpringTest
class FrontDoorTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;

  @RegisterExtension final Hostile hostile = new Hostile();

  @Test
  void salesCannotSkipTheApprovalOfTheirOrderWithAStartMessage() {
    JsonNode order = hostile.orderAwaitingApproval();
    long id = order.get("id").asLong();
    Map<String, Object> skipApproval = Map.of("messageName", "Message_OrderPlaced", "businessKey", String.valueOf(id),
        "processVariables", Map.of("orderId", Map.of("value", id, "type", "Long"),
            "approvalNeeded", Map.of("value", false, "type", "Boolean")));

    assertRefused(hostile.post("sam", "/engine-rest/message", skipApproval), HttpStatus.FORBIDDEN,
        "POST /message is for administrators");
    ResponseEntity<String> throughTasklist = hostile.tasklist("sam").engineApi(HttpMethod.POST, "/message", skipApproval);

    assertThat(throughTasklist.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(throughTasklist.getBody()).contains("POST /message is for administrators");
    assertThat(hostile.order(id).get("status").asText()).isEqualTo("AWAITING_APPROVAL");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id)).list())
        .extracting(ProcessInstance::getId).containsExactly(order.get("processInstanceId").asText());
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
        .singleResult().getTaskDefinitionKey()).isEqualTo("Task_ApproveOrder");
  }

  @Test
  void aStartFormSetsOnlyItsFields() {
    long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey("Process_OrderFulfillment").count();
    Map<String, Object> enteredWithAFlag = Map.of("variables", Map.of(
        "customerName", Map.of("value", "Eve Example"), "customerEmail", Map.of("value", "eve@example.com"),
        "line1", Map.of("type", "Json", "value", "{\"sku\":\"CABLE-USBC\",\"quantity\":900}"),
        "approvalNeeded", Map.of("value", false, "type", "Boolean")));

    assertRefused(hostile.post("sam", "/engine-rest/process-definition/key/Process_OrderFulfillment/submit-form",
        enteredWithAFlag), HttpStatus.BAD_REQUEST, "has no field 'approvalNeeded'");

    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("Process_OrderFulfillment").count())
        .isEqualTo(instances);
  }

  @Test
  void aChangeCannotBeStartedAtItsApprovalStep() {
    JsonNode change = hostile.changeAwaitingApproval("sam");
    long id = change.get("id").asLong();
    long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey("Process_ChangeRollout").count();
    Map<String, Object> startAtApproval = Map.of(
        "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_ApproveStandardChange")),
        "variables", Map.of("changeId", Map.of("value", id, "type", "Long")));

    assertRefused(hostile.post("fred", "/engine-rest/process-definition/key/Process_ChangeRollout/start",
        startAtApproval), HttpStatus.FORBIDDEN, "is for administrators");

    assertThat(hostile.change(id).get("status").asText()).isEqualTo("AWAITING_APPROVAL");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("Process_ChangeRollout").count())
        .isEqualTo(instances);
  }

  @Test
  void hrCannotStartAnOnboardingAtTheEndOfEmployment() {
    long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey("Process_EmployeeOnboarding").count();
    Map<String, Object> startAtTheEnd = Map.of(
        "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_EndEmployment")));

    assertRefused(hostile.post("hugo", "/engine-rest/process-definition/key/Process_EmployeeOnboarding/start",
        startAtTheEnd), HttpStatus.FORBIDDEN, "is for administrators");
    ResponseEntity<String> throughTasklist = hostile.tasklist("hugo").engineApi(HttpMethod.POST,
        "/process-definition/key/Process_EmployeeOnboarding/start", startAtTheEnd);

    assertThat(throughTasklist.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("Process_EmployeeOnboarding").count())
        .isEqualTo(instances);
  }

  /** Every way to move a running instance past its steps, tried on an order waiting for approval. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "POST, /process-instance/{id}/modification, 403, is for administrators",
      "POST, /process-instance/{id}/modification-async, 403, is for administrators",
      "POST, /modification/execute, 403, is for administrators",
      "POST, /signal, 403, is for administrators",
      "POST, /process-instance/{id}/variables, 400, process variables are set by the process",
      "PUT, /process-instance/{id}/suspended, 403, is for administrators",
      "DELETE, /process-instance/{id}, 403, is for administrators",
      "POST, /process-definition/key/Process_OrderFulfillment/restart, 403, is for administrators",
      "POST, /condition, 403, is for administrators",
      "POST, /job/{job}/execute, 403, is for administrators",
      "PUT, /job/{job}/duedate, 403, is for administrators",
      "POST, /message, 403, is for administrators"})
  void engineWritesThatBypassTheProcessAreForAdministrators(String method, String path, int status, String why) {
    JsonNode order = hostile.orderAwaitingApproval();
    String instanceId = order.get("processInstanceId").asText();
    String jobId = engine.getManagementService().createJobQuery().processInstanceId(instanceId).list().stream()
        .findFirst().map(job -> job.getId()).orElse("none");
    Map<String, Object> body = Map.of("instructions", List.of(Map.of("type", "startBeforeActivity",
        "activityId", "Task_ReserveStock")), "name", "Signal_Anything", "messageName", "Message_CancelOrder",
        "modifications", Map.of("approvalNeeded", Map.of("value", false)), "suspended", true);

    ResponseEntity<JsonNode> response = hostile.call("fiona", HttpMethod.valueOf(method),
        "/engine-rest" + path.replace("{id}", instanceId).replace("{job}", jobId), body);

    assertRefused(response, HttpStatus.valueOf(status), why);
    assertThat(hostile.order(order.get("id").asLong()).get("status").asText()).isEqualTo("AWAITING_APPROVAL");
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
    assertThat(instance.isSuspended()).isFalse();
    assertThat(runtimeService.getActiveActivityIds(instanceId)).containsExactly("Task_ApproveOrder");
    assertThat(runtimeService.getVariable(instanceId, "approvalNeeded")).isEqualTo(true);
  }

  @Test
  void administratorsKeepTheEngineRestApi() {
    JsonNode order = hostile.orderAwaitingApproval();

    ResponseEntity<JsonNode> suspended = hostile.call("admin", HttpMethod.PUT,
        "/engine-rest/process-instance/" + order.get("processInstanceId").asText() + "/suspended", Map.of("suspended", true));

    assertThat(suspended.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(order.get("processInstanceId").asText())
        .singleResult().isSuspended()).isTrue();
  }
}
