package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.OpsflowSpringTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every error of ours is an RFC 9457 problem, whoever answers it: a controller of {@code /api},
 * a security chain (platform's and insight's), and our refusals on the engine REST API.
 */
@OpsflowSpringTest
class ProblemDetailsTest {

  @Autowired TestRestTemplate http;

  @Test
  void aBadFieldOfTheApiIsAProblemNamingTheFieldAndTheRule() {
    ResponseEntity<JsonNode> response = http.withBasicAuth("sam", "sam").postForEntity("/api/orders",
        Map.of("customerName", "Ann Example", "customerEmail", "ann@example.com",
            "lines", List.of(Map.of("sku", "NO-SUCH-SKU", "quantity", 1))), JsonNode.class);

    JsonNode problem = assertProblem(response, HttpStatus.BAD_REQUEST, "lines[0].sku: no product has the SKU 'NO-SUCH-SKU'");
    assertThat(problem.get("invalid-params")).hasSize(1);
    assertThat(problem.get("invalid-params").get(0).get("name").asText()).isEqualTo("lines[0].sku");
    assertThat(problem.get("invalid-params").get(0).get("reason").asText()).isEqualTo("no product has the SKU 'NO-SUCH-SKU'");
  }

  @Test
  void beanValidationNamesEveryInvalidField() {
    ResponseEntity<JsonNode> response = http.withBasicAuth("sam", "sam").postForEntity("/api/orders",
        Map.of("customerName", "", "customerEmail", "not-an-address", "lines", List.of()), JsonNode.class);

    JsonNode problem = assertProblem(response, HttpStatus.BAD_REQUEST, "customerEmail: ");
    assertThat(problem.get("invalid-params").findValuesAsText("name")).contains("customerEmail", "customerName", "lines");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      {"customerName": "Ann", "lines": [{"sku": "LAMP-LED", "quantity": }]} | lines[0].quantity | is not valid JSON
      {"customerName": true}                                                 | customerName      | must be text
      {"lines": [{"sku": "LAMP-LED", "quantity": "2"}]}                      | lines[0].quantity | must be a whole number within range
      [1, 2]                                                                 | body              | must be an object
      not json                                                               | body              | is not valid JSON
      """)
  void aBodyThatCannotBeReadNamesTheFieldWhereItWentWrong(String body, String field, String reason) {
    ResponseEntity<JsonNode> response = http.withBasicAuth("sam", "sam").postForEntity("/api/orders",
        io.opsflow.BadInput.typed(MediaType.APPLICATION_JSON_VALUE, body), JsonNode.class);

    JsonNode problem = assertProblem(response, HttpStatus.BAD_REQUEST, field + ": " + reason);
    assertThat(problem.get("invalid-params").get(0).get("name").asText()).isEqualTo(field);
  }

  @Test
  void aBodyNestedDeeperThanJsonIsReadIsRefused() {
    String deep = "[".repeat(3000) + "]".repeat(3000);
    ResponseEntity<JsonNode> response = http.withBasicAuth("sam", "sam").postForEntity("/api/tasks/{id}/complete",
        io.opsflow.BadInput.typed(MediaType.APPLICATION_JSON_VALUE, "{\"approved\": " + deep + "}"), JsonNode.class,
        "no-such-task");

    JsonNode problem = assertProblem(response, HttpStatus.BAD_REQUEST, "is nested too deeply");
    // Jackson's limit of 1000 levels says not where it hit
    assertThat(problem.get("invalid-params").get(0).get("name").asText()).isEqualTo("body");
  }

  @Test
  void theApiChainAnswersALoginProblem() {
    assertProblem(http.getForEntity("/api/orders", JsonNode.class), HttpStatus.UNAUTHORIZED, "log in with HTTP Basic");
  }

  @Test
  void insightsChainAnswersAProblemToo() {
    assertProblem(http.withBasicAuth("sam", "sam").getForEntity("/api/insight/processes", JsonNode.class),
        HttpStatus.FORBIDDEN, "insight is for management and administrators");
  }

  @Test
  void aRefusalOnTheEngineRestApiIsAProblemWithCamundasMessageToo() {
    ResponseEntity<JsonNode> response = http.withBasicAuth("sam", "sam").postForEntity("/engine-rest/message",
        Map.of("messageName", "Message_Anything"), JsonNode.class);

    JsonNode problem = assertProblem(response, HttpStatus.FORBIDDEN, "is for administrators");
    assertThat(problem.get("message").asText()).isEqualTo(problem.get("detail").asText());
  }

  private static JsonNode assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String detailPart) {
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = response.getBody();
    assertThat(problem.get("type").asText()).isEqualTo("about:blank");
    assertThat(problem.get("title").asText()).isEqualTo(status.getReasonPhrase());
    assertThat(problem.get("status").asInt()).isEqualTo(status.value());
    assertThat(problem.get("detail").asText()).contains(detailPart);
    return problem;
  }
}
