package io.opsflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.WebappSession;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * What a hostile employee has: a demo login (password = user id), curl, and the same doors as
 * everyone: Opsflow's API, the engine REST API with HTTP Basic, and the webapps' copy of it with a
 * Tasklist session. Also sets up the business data an attack needs, through the front doors.
 * Registered in a test class with {@code @RegisterExtension}.
 */
final class Hostile implements BeforeEachCallback {

  static final BigDecimal APPROVAL_THRESHOLD = new BigDecimal("1000.00");

  private TestRestTemplate http;
  private ProcessEngine engine;

  /** The app of the shared Spring test context, before each test. */
  @Override
  public void beforeEach(ExtensionContext context) {
    ApplicationContext app = SpringExtension.getApplicationContext(context);
    http = app.getBean(TestRestTemplate.class);
    engine = app.getBean(ProcessEngine.class);
  }

  /** A JSON request as {@code user} (HTTP Basic). */
  ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  ResponseEntity<JsonNode> post(String user, String path, Object body) {
    return call(user, HttpMethod.POST, path, body);
  }

  JsonNode get(String user, String path) {
    ResponseEntity<JsonNode> response = call(user, HttpMethod.GET, path, null);
    assertThat(response.getStatusCode()).as("GET %s: %s", path, response.getBody()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  /** Logged into Tasklist, as a browser is: the webapps' copy of the engine REST API. */
  WebappSession tasklist(String user) {
    WebappSession session = WebappSession.open(http, engine.getName());
    assertThat(session.logIn(user, "tasklist").getStatusCode()).isEqualTo(HttpStatus.OK);
    return session;
  }

  /** An order by sam that needs finance's approval: it waits in "Approve order". */
  JsonNode orderAwaitingApproval() {
    return orderAwaitingApproval("sam");
  }

  /** An order by {@code placer} that needs finance's approval. */
  JsonNode orderAwaitingApproval(String placer) {
    JsonNode product = StreamSupport.stream(get("wendy", "/api/products").spliterator(), false)
        .filter(p -> p.get("price").decimalValue().signum() > 0)
        .max((a, b) -> a.get("price").decimalValue().compareTo(b.get("price").decimalValue())).orElseThrow();
    int quantity = APPROVAL_THRESHOLD.divide(product.get("price").decimalValue(), 0, RoundingMode.FLOOR).intValue() + 1;
    String sku = product.get("sku").asText();
    assertThat(post("wendy", "/api/products/" + sku + "/restock", Map.of("quantity", quantity)).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    JsonNode order = placeOrder(placer, sku, quantity);
    assertThat(order.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
    return order;
  }

  /** An order by sam of one cable, below the threshold: it waits in "Pick and pack order". */
  JsonNode orderToPick() {
    assertThat(post("wendy", "/api/products/CABLE-USBC/restock", Map.of("quantity", 1)).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    JsonNode order = placeOrder("sam", "CABLE-USBC", 1);
    assertThat(order.get("status").asText()).isEqualTo("PICKING");
    return order;
  }

  private JsonNode placeOrder(String placer, String sku, int quantity) {
    ResponseEntity<JsonNode> placed = post(placer, "/api/orders", Map.of("customerName", "Eve Example",
        "customerEmail", "eve-" + UUID.randomUUID() + "@example.com", "lines", List.of(Map.of("sku", sku, "quantity", quantity))));
    assertThat(placed.getStatusCode()).as("%s", placed.getBody()).isEqualTo(HttpStatus.CREATED);
    return placed.getBody();
  }

  JsonNode order(long id) {
    return get("sam", "/api/orders/" + id);
  }

  /** A change requested by {@code owner} whose risk needs approval (medium: the owner's manager approves). */
  JsonNode changeAwaitingApproval(String owner) {
    Map<String, Object> request = new HashMap<>();
    request.put("title", "New break schedule " + UUID.randomUUID());
    request.put("description", "Breaks at fixed times");
    request.put("owner", owner);
    request.put("affectedTeams", List.of("sales"));
    request.put("impact", "medium");
    request.put("urgency", "medium");
    request.put("plannedRolloutDate", LocalDate.now().plusDays(30).toString());
    request.put("rollbackPlan", "Go back to the old schedule");
    ResponseEntity<JsonNode> created = post(owner, "/api/changes", request);
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody().get("status").asText()).isEqualTo("AWAITING_APPROVAL");
    return created.getBody();
  }

  /** A hire in IT managed by irene, starting in two weeks: its preparation tasks are open. */
  JsonNode hireInPreparation() {
    Map<String, Object> hire = Map.of("name", "Nina New", "email", "nina-" + UUID.randomUUID() + "@private.example",
        "role", "developer", "department", "it", "managerId", "irene",
        "startDate", LocalDate.now().plusWeeks(2).with(java.time.DayOfWeek.MONDAY).toString());
    ResponseEntity<JsonNode> recorded = post("helen", "/api/hires", hire);
    assertThat(recorded.getStatusCode()).as("%s", recorded.getBody()).isEqualTo(HttpStatus.CREATED);
    return get("helen", "/api/hires/" + recorded.getBody().get("id").asLong());
  }

  JsonNode change(long id) {
    return get("olivia", "/api/changes/" + id);
  }

  /**
   * A refusal: the status, and what says why: the detail of our problem, or the message of an
   * error the engine REST API answers itself (a form field the engine's form check refuses).
   */
  static void assertRefused(ResponseEntity<JsonNode> response, HttpStatus status, String... messageParts) {
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
    JsonNode body = response.getBody();
    assertThat(body.has("detail") ? body.get("detail").asText() : body.get("message").asText()).contains(messageParts);
  }
}
