package io.opsflow.insight;

import static io.opsflow.insight.TestHistory.APPROVE;
import static io.opsflow.insight.TestHistory.REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.OpsflowSpringTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
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

/** Targets over real HTTP as the demo users: who may set them, what is refused, the history kept. */
@OpsflowSpringTest
class TargetApiTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  TestRestTemplate http;

  String processKey;

  @BeforeEach
  void deploy() {
    processKey = TestHistory.deploy(engine).processKey();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aManagerSetsTargetsAndEveryChangeIsKeptWithWhoAndWhen() {
    ResponseEntity<JsonNode> first = put("olivia", processKey, Map.of("cycleTimeP90", "P2D", "onTimePercent", 95,
        "maxWorkInProgress", 10, "steps", List.of(Map.of("taskKey", REVIEW, "onTimePercent", 90))));
    ResponseEntity<JsonNode> second = put("admin", processKey, Map.of("cycleTimeP90", "P1DT4H", "onTimePercent", 97.5));

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(first.getBody().get("setBy").asText()).isEqualTo("olivia");
    assertThat(first.getBody().get("steps").toString()).isEqualTo("[{\"taskKey\":\"" + REVIEW + "\",\"onTimePercent\":90.0}]");
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode current = inForce(get("olivia", "/api/insight/targets").getBody());
    assertThat(current.get("cycleTimeP90").asText()).isEqualTo("P1DT4H");
    assertThat(current.get("onTimePercent").asDouble()).isEqualTo(97.5);
    assertThat(current.has("maxWorkInProgress")).isFalse();
    assertThat(current.get("setBy").asText()).isEqualTo("admin");
    JsonNode history = get("olivia", "/api/insight/targets/" + processKey + "/history").getBody();
    assertThat(history).extracting(change -> change.get("setBy").asText()).containsExactly("admin", "olivia");
    assertThat(history.get(1).get("cycleTimeP90").asText()).isEqualTo("P2D");
    assertThat(history.get(1).get("setAt").asText()).isNotBlank();
  }

  @Test
  void peopleOutsideManagementAreRefused() {
    assertThat(put("wendy", processKey, Map.of("onTimePercent", 50)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(put("sam", processKey, Map.of("onTimePercent", 50)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("wendy", "/api/insight/targets").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("sam", "/api/insight/scorecard").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("olivia", "/api/insight/targets/" + processKey + "/history").getBody()).isEmpty();
  }

  @Test
  void badValuesAreRefusedNamingTheField() {
    assertRefused(Map.of("cycleTimeP90", "two days"), "cycleTimeP90", "working-time duration such as P2D");
    assertRefused(Map.of("cycleTimeP90", "P0D"), "cycleTimeP90", "must be longer than zero");
    assertRefused(Map.of("onTimePercent", 120), "onTimePercent", "must be less than or equal to 100");
    assertRefused(Map.of("onTimePercent", "most"), "onTimePercent", "must be a number");
    assertRefused(Map.of("maxWorkInProgress", -1), "maxWorkInProgress", "greater than or equal to 0");
    assertRefused(Map.of("steps", List.of(Map.of("taskKey", "Task_Unknown", "onTimePercent", 90))),
        "steps[0].taskKey", "must be a user task of " + processKey + ": one of " + REVIEW + ", " + APPROVE);
    assertRefused(Map.of("steps", List.of(Map.of("taskKey", REVIEW, "onTimePercent", 90),
        Map.of("taskKey", REVIEW, "onTimePercent", 80))), "steps[1].taskKey", "is given twice");
    assertRefused(Map.of("steps", List.of(Map.of("taskKey", REVIEW))), "steps[0].onTimePercent", "must not be null");
    assertThat(get("olivia", "/api/insight/targets/" + processKey + "/history").getBody()).isEmpty();
  }

  @Test
  void anUnknownProcessIsNotFound() {
    assertThat(put("olivia", "Process_Unknown", Map.of("onTimePercent", 50)).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  /** Refused with 400 whose detail names the field and the rule (and its invalid-params, but for unreadable JSON). */
  private void assertRefused(Map<String, Object> setting, String field, String rule) {
    ResponseEntity<JsonNode> response = put("olivia", processKey, setting);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("detail").asText()).startsWith(field + ": ").contains(rule);
  }

  private JsonNode inForce(JsonNode targets) {
    for (JsonNode target : targets) {
      if (target.get("processKey").asText().equals(processKey)) {
        return target;
      }
    }
    throw new AssertionError("no target in force for " + processKey + " in " + targets);
  }

  private ResponseEntity<JsonNode> put(String user, String key, Map<String, Object> setting) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, user).exchange("/api/insight/targets/" + key, HttpMethod.PUT,
        new HttpEntity<>(setting, headers), JsonNode.class);
  }

  private ResponseEntity<JsonNode> get(String user, String path) {
    return http.withBasicAuth(user, user).getForEntity(path, JsonNode.class);
  }
}
