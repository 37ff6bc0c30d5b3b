package io.opsflow.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.ProcessDriver;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Opsflow's own API ({@code /api/...}) as the demo users call it (password = user id), with fresh business data. */
public final class OpsflowApi {

  /** A demo product with plenty of stock at a price below the approval threshold. */
  static final String CABLE_SKU = "CABLE-USBC";
  static final String CABLE_NAME = "USB-C cable, 2 m";

  private final TestRestTemplate http;

  /** A start date the onboarding accepts: a Monday, more than 3 working days from today. */
  static LocalDate mondayInAWeek() {
    return LocalDate.now(ZoneId.of("Europe/Berlin")).plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
  }

  public OpsflowApi(TestRestTemplate http) {
    this.http = http;
  }

  /** An order for one cable by a new customer. */
  public JsonNode placeOrder(String user) {
    ResponseEntity<JsonNode> placed = as(user).postForEntity("/api/orders", Map.of(
        "customerName", "Ada Lovelace Ltd", "customerEmail", "buyer-" + UUID.randomUUID() + "@example.com",
        "lines", List.of(Map.of("sku", CABLE_SKU, "quantity", 1))), JsonNode.class);
    assertThat(placed.getStatusCode()).as("%s", placed.getBody()).isEqualTo(HttpStatus.CREATED);
    return placed.getBody();
  }

  /** An order of cables above the approval threshold (restocked first): it waits for finance's approval. */
  JsonNode placeOrderNeedingApproval(String user) {
    BigDecimal price = StreamSupport.stream(as("wendy").getForObject("/api/products", JsonNode.class).spliterator(), false)
        .filter(product -> product.get("sku").asText().equals(CABLE_SKU)).findFirst().orElseThrow().get("price").decimalValue();
    int quantity = new BigDecimal("1000.00").divide(price, 0, RoundingMode.FLOOR).intValue() + 1;
    assertThat(as("wendy").postForEntity("/api/products/" + CABLE_SKU + "/restock", Map.of("quantity", quantity), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<JsonNode> placed = as(user).postForEntity("/api/orders", Map.of(
        "customerName", "Big Buyer Ltd", "customerEmail", "buyer-" + UUID.randomUUID() + "@example.com",
        "lines", List.of(Map.of("sku", CABLE_SKU, "quantity", quantity))), JsonNode.class);
    assertThat(placed.getStatusCode()).as("%s", placed.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(placed.getBody().get("status").asText()).isEqualTo("AWAITING_APPROVAL");
    return placed.getBody();
  }

  JsonNode order(String user, long id) {
    return as(user).getForObject("/api/orders/{id}", JsonNode.class, id);
  }

  /** A hire in IT starting on the given day, managed by irene. */
  JsonNode recordHire(String user, String name, LocalDate startDate) {
    ResponseEntity<JsonNode> recorded = as(user).postForEntity("/api/hires", Map.of("name", name,
        "email", "hire-" + UUID.randomUUID() + "@example.com", "role", "developer", "department", "it",
        "managerId", "irene", "startDate", startDate.toString()), JsonNode.class);
    assertThat(recorded.getStatusCode()).as("%s", recorded.getBody()).isEqualTo(HttpStatus.CREATED);
    return recorded.getBody();
  }

  /** The hire of that name, with its process instance. */
  JsonNode hireNamed(String user, String name) {
    JsonNode hire = StreamSupport.stream(as(user).getForObject("/api/hires", JsonNode.class).spliterator(), false)
        .filter(summary -> summary.get("name").asText().equals(name)).findFirst().orElseThrow();
    return as(user).getForObject("/api/hires/{id}", JsonNode.class, hire.get("id").asLong());
  }

  /** Completes a task as a submission of its form, as Tasklist would. */
  void completeTask(String user, String taskId, Map<String, Object> formFields) {
    ProcessDriver.completeThroughApi(http, user, taskId, formFields);
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, user);
  }
}
