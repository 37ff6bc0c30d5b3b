package io.opsflow.changes;

import io.opsflow.BodylessWrite;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The change API's refusals: each bad request names its field, stores nothing and starts no process. */
@OpsflowSpringTest
class ChangeApiTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  ChangeRequestRepository changes;

  record BadRequest(String problem, String field, Object value) {
    @Override
    public String toString() {
      return problem;
    }
  }

  static List<BadRequest> badRequests() {
    return List.of(
        new BadRequest("unknown team", "affectedTeams", List.of("sales", "astronauts")),
        new BadRequest("no team", "affectedTeams", List.of()),
        new BadRequest("rollout date in the past", "plannedRolloutDate", LocalDate.now().minusDays(1).toString()),
        new BadRequest("rollout date no date", "plannedRolloutDate", "next Tuesday"),
        new BadRequest("missing rollout date", "plannedRolloutDate", null),
        new BadRequest("missing rollback plan", "rollbackPlan", null),
        new BadRequest("blank rollback plan", "rollbackPlan", " "),
        new BadRequest("bad impact", "impact", "enormous"),
        new BadRequest("missing urgency", "urgency", null),
        new BadRequest("bad urgency", "urgency", "yesterday"),
        new BadRequest("unknown owner", "owner", "nobody"),
        new BadRequest("missing title", "title", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void badRequestIsRefusedNamingTheField(BadRequest bad) {
    long before = changes.count();
    Map<String, Object> request = validRequest();
    request.put(bad.field(), bad.value());

    ResponseEntity<String> response = http.withBasicAuth("sam", "sam").postForEntity("/api/changes", request, String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("\"status\":400").contains(bad.field());
    assertThat(changes.count()).isEqualTo(before);
  }

  @Test
  void submittedChangeIsShownWithItsRiskAndPendingApproval() {
    Map<String, Object> request = validRequest();
    request.put("impact", "medium");
    request.put("urgency", "medium");

    ResponseEntity<Map> created = http.withBasicAuth("sam", "sam").postForEntity("/api/changes", request, Map.class);

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody()).containsOnlyKeys("id", "processInstanceId", "status", "risk")
        .containsEntry("status", "AWAITING_APPROVAL").containsEntry("risk", "medium");
    Object id = created.getBody().get("id");
    assertThat(created.getHeaders().getLocation()).hasPath("/api/changes/" + id);
    ResponseEntity<String> shown = http.withBasicAuth("fred", "fred").getForEntity("/api/changes/" + id, String.class);
    assertThat(shown.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(shown.getBody()).contains("\"approver\":\"sarah\"", "\"decision\":\"PENDING\"", "\"team\":\"sales\"");
    assertThat(http.withBasicAuth("fred", "fred").getForObject("/api/changes", String.class)).contains("\"id\":" + id + ",");
  }

  @Test
  void onlyDepartmentMembersRequestChanges() {
    long before = changes.count();

    ResponseEntity<String> response = http.withBasicAuth("olivia", "olivia").postForEntity("/api/changes", validRequest(), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(changes.count()).isEqualTo(before);
  }

  @Test
  void anonymousRequestIsRefused() {
    assertThat(http.postForEntity("/api/changes", validRequest(), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void unknownChangeIsNotFound() {
    assertThat(http.withBasicAuth("sam", "sam").getForEntity("/api/changes/987654", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.withBasicAuth("sam", "sam").postForEntity("/api/changes/987654/withdraw", BodylessWrite.request(), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  static Map<String, Object> validRequest() {
    Map<String, Object> request = new HashMap<>();
    request.put("title", "New break schedule");
    request.put("description", "Breaks at fixed times");
    request.put("owner", "sam");
    request.put("affectedTeams", List.of("sales"));
    request.put("impact", "low");
    request.put("urgency", "low");
    request.put("plannedRolloutDate", LocalDate.now().plusDays(30).toString());
    request.put("rollbackPlan", "Go back to the old schedule");
    return request;
  }
}
