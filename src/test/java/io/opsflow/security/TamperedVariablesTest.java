package io.opsflow.security;

import static io.opsflow.security.Hostile.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.OpsflowSpringTest;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A task completion sets only what its form declares: wendy tries to move another order by
 * completing "Pick and pack order" of hers with that order's id, through every door.
 */
@OpsflowSpringTest
class TamperedVariablesTest {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @RegisterExtension final Hostile hostile = new Hostile();
  JsonNode picked;
  JsonNode other;
  Task pickAndPack;

  @BeforeEach
  void twoOrdersToPick() {
    picked = hostile.orderToPick();
    other = hostile.orderToPick();
    pickAndPack = taskService.createTaskQuery().processInstanceId(picked.get("processInstanceId").asText()).singleResult();
    assertThat(pickAndPack.getTaskDefinitionKey()).isEqualTo("Task_PickAndPackOrder");
  }

  @Test
  void ourApiRefusesAFieldTheFormDoesNotHave() {
    ResponseEntity<JsonNode> response = hostile.post("wendy", "/api/tasks/" + pickAndPack.getId() + "/complete",
        Map.of("itemsMissing", false, "orderId", other.get("id").asLong()));

    assertRefused(response, HttpStatus.BAD_REQUEST, "has no field 'orderId'");
    assertNothingMoved();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "POST, /task/{id}/complete, variables, has no form field 'orderId'",
      "POST, /task/{id}/resolve, variables, has no form field 'orderId'",
      "POST, /task/{id}/submit-form, variables, has no field 'orderId'",
      "POST, /task/{id}/variables, modifications, has no form field 'orderId'",
      "POST, /task/{id}/localVariables, modifications, has no form field 'orderId'"})
  void theEngineRestApiRefusesAVariableTheFormDoesNotHave(String method, String path, String member, String why) {
    Map<String, Object> body = Map.of(member, Map.of("orderId", Map.of("value", other.get("id").asLong(), "type", "Long"),
        "itemsMissing", Map.of("value", false, "type", "Boolean")));

    assertRefused(hostile.call("wendy", HttpMethod.valueOf(method), "/engine-rest" + path.replace("{id}", pickAndPack.getId()),
        body), HttpStatus.BAD_REQUEST, why);
    ResponseEntity<String> throughTasklist = hostile.tasklist("wendy").engineApi(HttpMethod.valueOf(method),
        path.replace("{id}", pickAndPack.getId()), body);

    assertThat(throughTasklist.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(throughTasklist.getBody()).contains(why);
    assertNothingMoved();
  }

  @Test
  void oneVariableAtATimeIsRefusedToo() {
    String task = "/engine-rest/task/" + pickAndPack.getId();
    Map<String, Object> value = Map.of("value", other.get("id").asLong(), "type", "Long");

    assertRefused(hostile.call("wendy", HttpMethod.PUT, task + "/variables/orderId", value), HttpStatus.BAD_REQUEST,
        "has no form field 'orderId'");
    assertRefused(hostile.call("wendy", HttpMethod.DELETE, task + "/variables/orderId", null), HttpStatus.BAD_REQUEST,
        "has no form field 'orderId'");
    assertRefused(hostile.call("wendy", HttpMethod.PUT, "/engine-rest/process-instance/"
        + picked.get("processInstanceId").asText() + "/variables/orderId", value), HttpStatus.BAD_REQUEST,
        "process variables are set by the process", "'orderId'");
    assertNothingMoved();
  }

  @Test
  void itCannotMakeItselfTheManagerOfAHire() {
    JsonNode hire = hostile.hireInPreparation();
    Task createAccounts = taskService.createTaskQuery().processInstanceId(hire.get("processInstanceId").asText())
        .taskDefinitionKey("Task_CreateAccounts").singleResult();

    assertRefused(hostile.post("ian", "/api/tasks/" + createAccounts.getId() + "/complete", Map.of("managerId", "ian")),
        HttpStatus.BAD_REQUEST, "has no field 'managerId'");

    assertThat(taskService.createTaskQuery().taskId(createAccounts.getId()).count()).isOne();
    assertThat(hostile.get("helen", "/api/hires/" + hire.get("id").asLong()).get("managerId").asText()).isEqualTo("irene");
    assertThat(runtimeService.getVariables(hire.get("processInstanceId").asText())).doesNotContainKey("managerId");
  }

  @Test
  void theFormsOwnFieldsStillCompleteTheTask() {
    ResponseEntity<JsonNode> response = hostile.post("wendy", "/engine-rest/task/" + pickAndPack.getId() + "/complete",
        Map.of("variables", Map.of("itemsMissing", Map.of("value", false, "type", "Boolean"))));

    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(hostile.order(picked.get("id").asLong()).get("status").asText()).isEqualTo("SHIPPING");
    assertThat(hostile.order(other.get("id").asLong()).get("status").asText()).isEqualTo("PICKING");
  }

  private void assertNothingMoved() {
    String instanceId = picked.get("processInstanceId").asText();
    assertThat(taskService.createTaskQuery().taskId(pickAndPack.getId()).count()).as("task still open").isOne();
    assertThat(runtimeService.getVariable(instanceId, "orderId")).isEqualTo(picked.get("id").asLong());
    assertThat(taskService.getVariablesLocal(pickAndPack.getId())).doesNotContainKey("orderId");
    assertThat(hostile.order(picked.get("id").asLong()).get("status").asText()).isEqualTo("PICKING");
    assertThat(hostile.order(other.get("id").asLong()).get("status").asText()).isEqualTo("PICKING");
  }
}
