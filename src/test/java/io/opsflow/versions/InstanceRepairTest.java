package io.opsflow.versions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.DueJobs;
import io.opsflow.OpsflowSpringTest;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** An administrator moves a stuck parcel to another step or retries its failed job, saying why; insight shows it. */
@OpsflowSpringTest
class InstanceRepairTest {

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired HistoryService historyService;

  Parcels parcels;

  @BeforeEach
  void parcelProcess() {
    parcels = new Parcels(engine).deploy(Parcels.V1);
  }

  @Test
  void aMoveCancelsOneStepAndStartsAnotherWithTheReasonInTheTimeline() {
    String instanceId = parcels.waitingAt("Task_CheckOrder");

    ResponseEntity<JsonNode> moved = post("/api/instances/{id}/move", instanceId,
        Map.of("from", "Task_CheckOrder", "to", "Task_ShipOrder", "reason", "Customer collects in person"));

    assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(moved.getBody().get("active")).singleElement()
        .satisfies(step -> assertThat(step.get("id").asText()).isEqualTo("Task_ShipOrder"));
    assertThat(parcels.task(instanceId).getTaskDefinitionKey()).isEqualTo("Task_ShipOrder");
    assertThat(historyService.createUserOperationLogQuery().processInstanceId(instanceId)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_MODIFY_PROCESS_INSTANCE).list())
        .isNotEmpty().allSatisfy(entry -> assertThat(entry.getAnnotation()).isEqualTo("Customer collects in person"));
    assertThat(operations(instanceId)).singleElement().satisfies(operation -> {
      assertThat(operation.get("userId").asText()).isEqualTo("admin");
      assertThat(operation.get("operation").asText()).isEqualTo("ModifyProcessInstance");
      assertThat(operation.get("reason").asText()).isEqualTo("Customer collects in person");
      assertThat(operation.has("time")).isTrue();
    });
  }

  @Test
  void aMoveIsRefusedWithoutReasonFromAStepTheInstanceIsNotInOrToAStepItsProcessLacks() {
    String instanceId = parcels.waitingAt("Task_CheckOrder");

    assertRefused(post("/api/instances/{id}/move", instanceId, Map.of("from", "Task_CheckOrder", "to", "Task_ShipOrder")),
        HttpStatus.BAD_REQUEST, "reason: is required");
    assertRefused(post("/api/instances/{id}/move", instanceId, Map.of("to", "Task_ShipOrder", "reason", "r")),
        HttpStatus.BAD_REQUEST, "from: is required");
    assertRefused(post("/api/instances/{id}/move", instanceId,
        Map.of("from", "Task_PackOrder", "to", "Task_ShipOrder", "reason", "r")), HttpStatus.CONFLICT,
        "instance " + instanceId + " does not wait in step 'Task_PackOrder'; it waits in Task_CheckOrder");
    assertRefused(post("/api/instances/{id}/move", instanceId,
        Map.of("from", "Task_CheckOrder", "to", "Task_Teleport", "reason", "r")), HttpStatus.BAD_REQUEST,
        "to: the process has no step 'Task_Teleport'");
    assertRefused(post("/api/instances/{id}/move", "no-such-instance",
        Map.of("from", "Task_CheckOrder", "to", "Task_ShipOrder", "reason", "r")), HttpStatus.NOT_FOUND,
        "running process instance no-such-instance does not exist");
    assertThat(parcels.task(instanceId).getTaskDefinitionKey()).isEqualTo("Task_CheckOrder");
  }

  @Test
  void aRetryGivesTheFailedJobAnotherTryWithTheReasonInTheLog() {
    String instanceId = parcels.start(false);
    parcels.failBookingUntilIncident(instanceId);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instanceId).count()).isOne();
    engine.getRuntimeService().setVariable(instanceId, "carrierReachable", true);

    ResponseEntity<JsonNode> retried = post("/api/instances/{id}/retry", instanceId,
        Map.of("reason", "Carrier API is back"));

    assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instanceId).count()).isZero();
    DueJobs.run(engine.getManagementService(), instanceId);
    assertThat(parcels.task(instanceId).getTaskDefinitionKey()).isEqualTo("Task_CheckOrder");
    assertThat(operations(instanceId)).singleElement().satisfies(operation -> {
      assertThat(operation.get("operation").asText()).isEqualTo("SetJobRetries");
      assertThat(operation.get("reason").asText()).isEqualTo("Carrier API is back");
    });
  }

  @Test
  void aRetryNeedsAFailedJobAndAReason() {
    String instanceId = parcels.waitingAt("Task_CheckOrder");

    assertRefused(post("/api/instances/{id}/retry", instanceId, Map.of("reason", "try")), HttpStatus.CONFLICT,
        "instance " + instanceId + " has no failed job to retry");
    assertRefused(post("/api/instances/{id}/retry", instanceId, Map.of()), HttpStatus.BAD_REQUEST,
        "reason: is required");
  }

  @Test
  void theTimelineOfAMigratedInstanceShowsTheMigrationWithItsReason() {
    String instanceId = parcels.waitingAt("Task_PackOrder");
    parcels.deploy(Parcels.V2);

    http.withBasicAuth("admin", "admin").postForEntity("/api/processes/{key}/migration",
        Map.of("reason", "Packing and picking are one step now"), JsonNode.class, parcels.key);

    assertThat(operations(instanceId)).singleElement().satisfies(operation -> {
      assertThat(operation.get("operation").asText()).isEqualTo("Migrate");
      assertThat(operation.get("reason").asText()).isEqualTo("Packing and picking are one step now");
    });
  }

  @Test
  void theStepsOfAnInstanceAreWhereItWaitsAndWhereItCouldGo() {
    String instanceId = parcels.waitingAt("Task_CheckCredit");

    JsonNode steps = http.withBasicAuth("admin", "admin")
        .getForEntity("/api/instances/{id}/steps", JsonNode.class, instanceId).getBody();

    assertThat(steps.get("active")).singleElement().satisfies(step -> {
      assertThat(step.get("id").asText()).isEqualTo("Task_CheckCredit");
      assertThat(step.get("name").asText()).isEqualTo("Check credit");
    });
    assertThat(steps.get("steps").findValuesAsText("id")).contains("Task_CheckOrder", "Task_PackOrder", "Task_ShipOrder");
    assertThat(steps.get("failedJobs").asInt()).isZero();
  }

  private ResponseEntity<JsonNode> post(String path, String instanceId, Object body) {
    return http.withBasicAuth("admin", "admin").postForEntity(path, body, JsonNode.class, instanceId);
  }

  private JsonNode operations(String instanceId) {
    return http.withBasicAuth("admin", "admin").getForEntity("/api/insight/instances/{id}", JsonNode.class, instanceId)
        .getBody().get("operations");
  }

  private static void assertRefused(ResponseEntity<JsonNode> response, HttpStatus status, String message) {
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getBody().get("detail").asText()).startsWith(message);
  }
}
