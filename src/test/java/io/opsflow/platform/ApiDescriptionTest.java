package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.ApiContract;
import io.opsflow.OpsflowSpringTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The OpenAPI description of {@code /api} (docs/integration.md): for logged-in users, Swagger UI for
 * administrators, every operation described with its refusals, HTTP Basic and examples that
 * satisfy their own schemas; and the contract check of the tests ({@link ApiContract}) catches drift.
 */
@OpsflowSpringTest
class ApiDescriptionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;

  private JsonNode description() throws Exception {
    ResponseEntity<String> answer = http.withBasicAuth("sam", "sam").getForEntity("/v3/api-docs", String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return JSON.readTree(answer.getBody());
  }

  @Test
  void theDescriptionIsForLoggedInUsersAndSwaggerUiForAdministrators() {
    assertThat(http.getForEntity("/v3/api-docs", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("sam", "sam").getForEntity("/v3/api-docs", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("olivia", "olivia").getForEntity("/swagger-ui/index.html", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> ui = http.withBasicAuth("admin", "admin").getForEntity("/swagger-ui/index.html", String.class);
    assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ui.getBody()).contains("Swagger UI");
    assertThat(http.withBasicAuth("admin", "admin").getForEntity("/v3/api-docs/swagger-config", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aWrongPasswordReadsNoDescription() {
    assertThat(http.withBasicAuth("felix", "wrong").getForEntity("/v3/api-docs", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void everyOperationOfTheApiIsDescribedWithItsRefusalsLoginAndExamples() throws Exception {
    JsonNode description = description();
    assertThat(description.get("openapi").asText()).startsWith("3.0");
    assertThat(description.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
    assertThat(description.at("/security/0/basic").isArray()).isTrue();
    assertThat(description.at("/components/schemas/Problem/properties/invalid-params").isObject()).isTrue();

    List<String> operations = new ArrayList<>();
    description.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
      String name = entry.getKey().toUpperCase() + " " + path.getKey();
      JsonNode operation = entry.getValue();
      operations.add(name);
      assertThat(path.getKey()).as(name).startsWith("/api/");
      assertThat(operation.path("operationId").asText()).as(name).doesNotContain("_").isNotEmpty();
      assertThat(operation.path("summary").asText()).as(name).isNotEmpty();
      assertThat(operation.path("tags").size()).as(name).isEqualTo(1);
      JsonNode responses = operation.get("responses");
      assertThat(responses.has("401")).as(name).isTrue();
      // a user's right, where a user logs in (a webshop's order is signed instead)
      boolean login = !(operation.path("security").isArray() && operation.get("security").isEmpty());
      assertThat(responses.has("403")).as(name).isEqualTo(login);
      assertThat(responses.at("/401/content/application~1problem+json/schema/$ref").asText())
          .isEqualTo("#/components/schemas/Problem");
      operation.path("parameters").forEach(parameter ->
          assertThat(parameter.has("example")).as(name + " " + parameter.get("name")).isTrue());
      if (operation.has("requestBody")) {
        assertThat(operation.at("/requestBody/content/application~1json/example").isMissingNode()).as(name).isFalse();
        assertThat(responses.has("413") && responses.has("415") && responses.has("400")).as(name).isTrue();
      }
      responses.fields().forEachRemaining(response -> {
        if (response.getKey().startsWith("2") && response.getValue().has("content")) {
          response.getValue().get("content").forEach(media ->
              assertThat(media.has("example")).as(name + " " + response.getKey()).isTrue());
        }
      });
    }));
    assertThat(operations).contains("POST /api/orders", "GET /api/orders/{id}", "POST /api/changes",
        "POST /api/hires", "PUT /api/insight/targets/{processKey}", "POST /api/absences", "POST /api/instances/{id}/move",
        "POST /api/tasks/{taskId}/complete", "GET /api/insight/instances.csv").hasSizeGreaterThanOrEqualTo(45)
        .noneMatch(operation -> operation.contains("engine-rest") || operation.contains("/camunda"));
  }

  @Test
  void theRulesOfTheCodeAreInTheSchemas() throws Exception {
    JsonNode schemas = description().at("/components/schemas");
    JsonNode order = schemas.get("NewOrder");
    assertThat(order.get("required")).extracting(JsonNode::asText).contains("customerName", "customerEmail", "lines");
    assertThat(order.at("/properties/customerName/maxLength").asInt()).isEqualTo(200);
    assertThat(order.at("/properties/customerName/minLength").asInt()).isEqualTo(1);
    assertThat(order.at("/properties/customerName/pattern").asText()).isEqualTo(ValidationRules.ONE_LINE);
    assertThat(order.at("/properties/lines/minItems").asInt()).isEqualTo(1);
    assertThat(order.at("/properties/lines/maxItems").asInt()).isEqualTo(100);
    assertThat(schemas.at("/NewOrderLine/properties/quantity/maximum").asInt()).isEqualTo(10_000);
    assertThat(schemas.at("/ChangeDraft/properties/impact/enum")).extracting(JsonNode::asText)
        .containsExactly("low", "medium", "high");
    assertThat(schemas.at("/ChangeDraft/properties/plannedRolloutDate/format").asText()).isEqualTo("date");
    assertThat(schemas.at("/TargetSetting/properties/cycleTimeP90/pattern").asText()).startsWith("^(?:P").endsWith(")$");
    assertThat(schemas.at("/OrderView/properties/status/enum")).extracting(JsonNode::asText).contains("SHIPPED");
  }

  /** Every example is a request and an answer that the contract check lets through. */
  @Test
  void everyExampleSatisfiesItsSchema() throws Exception {
    JsonNode description = description();
    String server = http.getRootUri();
    description.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
      JsonNode operation = entry.getValue();
      String uri = path.getKey();
      StringBuilder query = new StringBuilder();
      HttpHeaders requestHeaders = new HttpHeaders();
      requestHeaders.setBasicAuth("admin", "admin");
      for (JsonNode parameter : operation.path("parameters")) {
        String value = parameter.get("example").asText();
        if ("path".equals(parameter.get("in").asText())) {
          uri = uri.replace("{" + parameter.get("name").asText() + "}", value);
        } else if ("header".equals(parameter.get("in").asText())) {
          requestHeaders.add(parameter.get("name").asText(), value);
        } else {
          query.append(query.isEmpty() ? "?" : "&").append(parameter.get("name").asText()).append('=').append(value);
        }
      }
      byte[] body = null;
      if (operation.has("requestBody")) {
        requestHeaders.setContentType(MediaType.APPLICATION_JSON);
        body = operation.at("/requestBody/content/application~1json/example").toString().getBytes(StandardCharsets.UTF_8);
      }
      for (Map.Entry<String, JsonNode> response : iterable(operation.get("responses"))) {
        if (!response.getKey().startsWith("2") && !response.getKey().equals("400")) {
          continue;
        }
        HttpHeaders responseHeaders = new HttpHeaders();
        byte[] answer = new byte[0];
        for (Map.Entry<String, JsonNode> media : iterable(response.getValue().path("content"))) {
          responseHeaders.setContentType(MediaType.parseMediaType(media.getKey()));
          JsonNode example = media.getValue().get("example");
          answer = (example.isTextual() ? example.asText() : example.toString()).getBytes(StandardCharsets.UTF_8);
        }
        ApiContract.check(URI.create(server + uri + query), entry.getKey().toUpperCase(), requestHeaders, body,
            Integer.parseInt(response.getKey()), responseHeaders, answer);
      }
    }));
  }

  @Test
  void theContractCheckCatchesDrift() {
    HttpHeaders login = new HttpHeaders();
    login.setBasicAuth("sam", "sam");
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    URI order = URI.create(http.getRootUri() + "/api/orders/1");

    ApiContract.check(order, "GET", login, null, 200, json, "{\"id\": 1, \"status\": \"SHIPPED\"}".getBytes());
    assertThatThrownBy(() -> ApiContract.check(order, "GET", login, null, 200, json,
        "{\"id\": 1, \"state\": \"SHIPPED\"}".getBytes())).hasMessageContaining("state");
    assertThatThrownBy(() -> ApiContract.check(order, "GET", login, null, 200, json,
        "{\"id\": 1, \"status\": \"LOST\"}".getBytes())).hasMessageContaining("LOST");
    assertThatThrownBy(() -> ApiContract.check(order, "GET", login, null, 500, json,
        "{\"status\": 500, \"title\": \"x\", \"type\": \"about:blank\", \"detail\": \"x\"}".getBytes()))
        .hasMessageContaining("500");
    assertThatThrownBy(() -> ApiContract.check(URI.create(http.getRootUri() + "/api/orders/x"), "GET", login, null,
        200, json, "{\"id\": 1}".getBytes())).hasMessageContaining("was not refused");
    assertThatThrownBy(() -> ApiContract.check(URI.create(http.getRootUri() + "/api/nowhere"), "GET", login, null,
        200, json, "{}".getBytes())).hasMessageContaining("not in the description");
    // no login: refused as it must be
    ApiContract.check(order, "GET", new HttpHeaders(), null, 401, json,
        "{\"status\": 401, \"title\": \"Unauthorized\", \"type\": \"about:blank\", \"detail\": \"log in\"}".getBytes());
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }
}
