package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.ApiContract;
import io.opsflow.OpsflowSpringTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * While start-up is not done (deployments, seeding),
 * nobody works: our API, the engine REST API and the webapps answer 503 with Retry-After, and
 * health is not UP. Readiness is published as Spring Boot does at the end of start-up.
 */
@OpsflowSpringTest
class StartupGateTest {

  @Autowired TestRestTemplate http;
  @Autowired ApplicationContext context;

  @BeforeEach
  void starting() {
    // the contract check of the calls below needs the description, which a starting app does not serve
    ApiContract.readDescription(http.getRootUri());
    AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
  }

  @AfterEach
  void ready() {
    AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/api/orders", "/engine-rest/task", "/camunda/app/tasklist/", "/insight"})
  void everyDoorAnswers503WithRetryAfterUntilStartUpIsDone(String path) {
    ResponseEntity<JsonNode> response = http.withBasicAuth("sam", "sam").getForEntity(path, JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
    assertThat(response.getBody().get("detail").asText()).isEqualTo(StartupGate.REASON).doesNotContain("\n");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/actuator/health", "/actuator/health/readiness"})
  void healthIsNotUpUntilStartUpIsDone(String path) {
    ResponseEntity<JsonNode> response = http.getForEntity(path, JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(response.getBody().get("status").asText()).isEqualTo("OUT_OF_SERVICE");
  }

  @Test
  void aWriteStoresNothingUntilStartUpIsDone() {
    ResponseEntity<JsonNode> response = http.withBasicAuth("sam", "sam").postForEntity("/api/orders", Map.of(
        "customerName", "Early Bird Ltd", "customerEmail", "early@example.com",
        "lines", List.of(Map.of("sku", "CABLE-USBC", "quantity", 1))), JsonNode.class);
    AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    JsonNode orders = http.withBasicAuth("sam", "sam").getForObject("/api/orders", JsonNode.class);
    assertThat(orders.findValuesAsText("customerEmail")).doesNotContain("early@example.com");
    assertThat(http.getForEntity("/actuator/health", JsonNode.class).getBody().get("status").asText()).isEqualTo("UP");
  }
}
