package io.opsflow.versions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.OpsflowSpringTest;
import io.opsflow.WebappSession;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Only administrators migrate, move and retry: everyone else gets 403 on every route of ours, and on
 * the engine's own migration and modification endpoints through both doors of the engine REST API
 * (platform's EngineRestGate denies writes it does not open).
 */
@OpsflowSpringTest
class ChangingRunningWorkRightsTest {

  /** A department member, a manager who reads every process, and a manager who works the process's tasks. */
  static final List<String> NOT_ADMINISTRATORS = List.of("wendy", "olivia", "will");

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;

  Parcels parcels;
  String instanceId;
  String v1;
  String v2;

  @BeforeEach
  void twoVersionsWithAnInstance() {
    parcels = new Parcels(engine).deploy(Parcels.V1);
    instanceId = parcels.waitingAt("Task_CheckOrder");
    parcels.deploy(Parcels.V2);
    v1 = definition(1);
    v2 = definition(2);
  }

  @Test
  void onlyAdministratorsUseOpsflowsRoutes() {
    Map<String, Object> reason = Map.of("reason", "because");
    Map<String, Object> move = Map.of("from", "Task_CheckOrder", "to", "Task_ShipOrder", "reason", "because");
    for (String user : NOT_ADMINISTRATORS) {
      assertForbidden(call(user, HttpMethod.GET, "/api/processes/" + parcels.key + "/versions", null));
      assertForbidden(call(user, HttpMethod.POST, "/api/processes/" + parcels.key + "/migration?dryRun=true", Map.of()));
      assertForbidden(call(user, HttpMethod.POST, "/api/processes/" + parcels.key + "/migration", reason));
      assertForbidden(call(user, HttpMethod.GET, "/api/instances/" + instanceId + "/steps", null));
      assertForbidden(call(user, HttpMethod.POST, "/api/instances/" + instanceId + "/move", move));
      assertForbidden(call(user, HttpMethod.POST, "/api/instances/" + instanceId + "/retry", reason));
    }
    assertThat(parcels.versionOf(instanceId)).isEqualTo(1);
    assertThat(parcels.task(instanceId).getTaskDefinitionKey()).isEqualTo("Task_CheckOrder");
  }

  @Test
  void onlyAdministratorsMigrateOrModifyThroughTheEngineRestApi() {
    for (String user : NOT_ADMINISTRATORS) {
      engineWrites().forEach((path, body) -> assertForbidden(call(user, HttpMethod.POST, "/engine-rest" + path, body)));
    }
    assertThat(parcels.versionOf(instanceId)).isEqualTo(1);
    assertThat(call("admin", HttpMethod.POST, "/engine-rest/migration/generate", generate()).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void onlyAdministratorsMigrateOrModifyThroughTheWebappsCopyOfTheEngineRestApi() {
    WebappSession olivia = WebappSession.open(http, "default");
    olivia.logIn("olivia", "cockpit");

    engineWrites().forEach((path, body) ->
        assertThat(olivia.engineApi(HttpMethod.POST, path, body).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN));
    assertThat(parcels.versionOf(instanceId)).isEqualTo(1);
  }

  /** Every engine endpoint that migrates or modifies instances, with a body that would do it. */
  private Map<String, Object> engineWrites() {
    Map<String, Object> plan = Map.of("sourceProcessDefinitionId", v1, "targetProcessDefinitionId", v2,
        "instructions", List.of(Map.of("sourceActivityIds", List.of("Task_CheckOrder"),
            "targetActivityIds", List.of("Task_CheckOrder"))));
    Map<String, Object> migration = Map.of("migrationPlan", plan, "processInstanceIds", List.of(instanceId));
    Map<String, Object> modification = Map.of("processDefinitionId", v1, "processInstanceIds", List.of(instanceId),
        "instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_ShipOrder")));
    Map<String, Object> instanceModification = Map.of("instructions",
        List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_ShipOrder")));
    return Map.of(
        "/migration/generate", generate(),
        "/migration/validate", plan,
        "/migration/execute", migration,
        "/migration/executeAsync", migration,
        "/modification/execute", modification,
        "/modification/executeAsync", modification,
        "/process-instance/" + instanceId + "/modification", instanceModification,
        "/process-instance/" + instanceId + "/modification-async", instanceModification);
  }

  private Map<String, Object> generate() {
    return Map.of("sourceProcessDefinitionId", v1, "targetProcessDefinitionId", v2);
  }

  private String definition(int version) {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(parcels.key)
        .processDefinitionVersion(version).singleResult().getId();
  }

  private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private static void assertForbidden(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
  }
}
