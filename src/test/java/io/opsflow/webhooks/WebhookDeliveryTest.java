package io.opsflow.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.OpsflowSpringTest;
import io.opsflow.PageSession;
import io.opsflow.orders.OrderShipped;
import io.opsflow.sla.TaskEscalated;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events out, against a real HTTP receiver ({@link TestReceiver}): deliveries written in the
 * transaction of their event and sent after its commit, signed with the subscription's secret,
 * with the event id, retried with back-off after an outage, none for a rolled-back transaction,
 * the text format for Slack and Teams; the subscriptions API and page for administrators only.
 */
@OpsflowSpringTest
class WebhookDeliveryTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactionManager;

  final TestReceiver receiver = new TestReceiver();

  @AfterEach
  void unsubscribeAll() {
    receiver.close();
    jdbc.update("delete from webhook_delivery");
    jdbc.update("delete from webhook_subscription");
  }

  @Test
  void anOrderCancelledThroughTheApiIsDeliveredSignedWithItsEventId() throws Exception {
    JsonNode subscription = subscribe("JSON", "order.cancelled", "order.shipped");
    String sku = "E-" + UUID.randomUUID().toString().substring(0, 8);
    jdbc.update("insert into product (sku, name, price, on_hand, reserved, version) values (?, 'Event lamp', 10.00, 5, 0, 0)", sku);
    long orderId = as("sam").postForObject("/api/orders", Map.of("customerName", "Jane Doe", "customerEmail", "jane@example.com",
        "lines", List.of(Map.of("sku", sku, "quantity", 1))), JsonNode.class).get("id").asLong();

    ResponseEntity<String> cancelled = as("sam").exchange("/api/orders/" + orderId + "/cancel", HttpMethod.POST,
        io.opsflow.BodylessWrite.request(), String.class);

    assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
    TestReceiver.Received delivery = receiver.awaitRequests(1).get(0);
    JsonNode body = JSON.readTree(delivery.body());
    assertThat(body.get("type").asText()).isEqualTo("order.cancelled");
    assertThat(body.get("data").get("orderId").asLong()).isEqualTo(orderId);
    assertThat(body.get("data").get("customerName").asText()).isEqualTo("Jane Doe");
    assertThat(delivery.header("X-Opsflow-Event-Id")).isEqualTo(body.get("id").asText());
    assertThat(delivery.header("X-Opsflow-Event")).isEqualTo("order.cancelled");
    assertThat(delivery.header("X-Opsflow-Signature"))
        .isEqualTo(Signatures.header(subscription.get("secret").asText(), delivery.body().getBytes(StandardCharsets.UTF_8)));
    JsonNode log = awaitLog(subscription, "DELIVERED");
    assertThat(log.get("attempts").asInt()).isEqualTo(1);
    assertThat(log.get("eventId").asText()).isEqualTo(body.get("id").asText());
    assertThat(log.get("lastAnswer").asText()).isEqualTo("HTTP 200: thanks");
  }

  @Test
  void aLowRiskChangeApprovedAsStandardChangeIsDeliveredAsChangeApproved() throws Exception {
    subscribe("JSON", "change.approved");
    Map<String, Object> change = Map.of("title", "Shift plan", "description", "New shift plan for the spring", "owner", "sam",
        "affectedTeams", List.of("sales"), "impact", "low", "urgency", "medium",
        "plannedRolloutDate", LocalDate.now().plusDays(30).toString(), "rollbackPlan", "Return to the old plan");

    JsonNode submitted = as("sam").postForObject("/api/changes", change, JsonNode.class);

    assertThat(submitted.get("status").asText()).isEqualTo("APPROVED");
    JsonNode body = JSON.readTree(receiver.awaitRequests(1).get(0).body());
    assertThat(body.get("type").asText()).isEqualTo("change.approved");
    assertThat(body.get("data").get("changeId").asLong()).isEqualTo(submitted.get("id").asLong());
    assertThat(body.get("data").get("title").asText()).isEqualTo("Shift plan");
    assertThat(body.get("data").get("owner").asText()).isEqualTo("sam");
    assertThat(body.get("data").get("plannedRolloutDate").asText()).isEqualTo(change.get("plannedRolloutDate"));
  }

  @Test
  void aDeliveryIsRetriedWithBackoffAfterAReceiverOutageWithTheSameEventId() throws Exception {
    JsonNode subscription = subscribe("JSON", "order.shipped");
    receiver.stop(); // down: the connection is refused
    publishShipped(4711);

    JsonNode failed = awaitLog(subscription, "PENDING", log -> log.get("attempts").asInt() >= 1);
    assertThat(failed.get("lastAnswer").asText()).startsWith("not reached");
    receiver.failNext(1); // back, but still answering 503 once
    receiver.start();

    List<TestReceiver.Received> attempts = receiver.awaitRequests(2);
    JsonNode log = awaitLog(subscription, "DELIVERED");
    assertThat(attempts).extracting(attempt -> attempt.header("X-Opsflow-Event-Id")).containsOnly(log.get("eventId").asText());
    assertThat(attempts).extracting(TestReceiver.Received::body).containsOnly(attempts.get(0).body());
    assertThat(log.get("attempts").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(log.get("lastAnswer").asText()).isEqualTo("HTTP 200: thanks");
    assertThat(JSON.readTree(attempts.get(0).body()).get("data").get("trackingNumber").asText()).isEqualTo("00340434161234567890");
  }

  @Test
  void nothingIsDeliveredForARolledBackTransaction() throws Exception {
    JsonNode subscription = subscribe("JSON", "order.shipped");

    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      events.publishEvent(shipped(4712));
      status.setRollbackOnly();
    });
    publishShipped(4713); // committed: delivered, so the rolled-back one had its chance

    JsonNode delivered = awaitLog(subscription, "DELIVERED");
    assertThat(JSON.readTree(receiver.received().get(0).body()).get("data").get("orderId").asLong()).isEqualTo(4713);
    Thread.sleep(1000); // two more sweeps
    assertThat(receiver.received()).hasSize(1);
    assertThat(deliveries(subscription)).hasSize(1);
    assertThat(delivered.get("eventType").asText()).isEqualTo("order.shipped");
  }

  @Test
  void aTextSubscriptionGetsEscalationsInTheIncomingWebhookFormatOfSlackAndTeams() throws Exception {
    subscribe("TEXT", "task.escalated");

    new TransactionTemplate(transactionManager).executeWithoutResult(status -> events.publishEvent(new TaskEscalated("t-1",
        "Pick and pack order", "Order fulfillment", "42", Instant.parse("2031-03-04T09:00:00Z"), "walter", List.of("wanda"),
        Instant.parse("2031-03-04T13:00:00Z"))));

    JsonNode body = JSON.readTree(receiver.awaitRequests(1).get(0).body());
    assertThat(body.size()).isEqualTo(1);
    assertThat(body.get("text").asText()).isEqualTo("Escalated: \"Pick and pack order\" in Order fulfillment 42 is overdue"
        + " (due 2031-03-04T09:00:00Z), assigned to walter; escalated to wanda.");
  }

  @Test
  void subscriptionsAreManagedByAdministratorsOnly() {
    Map<String, Object> request = Map.of("url", receiver.url(), "events", List.of("hire.started"));

    assertThat(as("sam").postForEntity("/api/webhooks/subscriptions", request, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("sam").getForEntity("/api/webhooks/subscriptions", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("sam").getForEntity("/api/webhooks/deliveries", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity("/api/webhooks/subscriptions", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(jdbc.queryForObject("select count(*) from webhook_subscription", Integer.class)).isZero();
  }

  @Test
  void administratorsCreateChangeReadAndDeleteSubscriptions() {
    JsonNode created = subscribe("JSON", "hire.started");
    long id = created.get("id").asLong();
    assertThat(created.get("secret").asText()).hasSize(64);

    ResponseEntity<JsonNode> changed = as("admin").exchange("/api/webhooks/subscriptions/" + id, HttpMethod.PUT,
        new HttpEntity<>(Map.of("url", receiver.url(), "events", List.of("change.approved", "hire.started"), "format", "TEXT")),
        JsonNode.class);
    JsonNode read = as("admin").getForObject("/api/webhooks/subscriptions/" + id, JsonNode.class);
    ResponseEntity<String> deleted = as("admin").exchange("/api/webhooks/subscriptions/" + id, HttpMethod.DELETE,
        io.opsflow.BodylessWrite.request(), String.class);

    assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(read.get("events")).extracting(JsonNode::asText).containsExactly("change.approved", "hire.started");
    assertThat(read.get("format").asText()).isEqualTo("TEXT");
    assertThat(read.has("secret")).isFalse();
    assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(as("admin").getForEntity("/api/webhooks/subscriptions/" + id, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void anInvalidSubscriptionIs400NamingTheField() throws Exception {
    ResponseEntity<String> noUrl = as("admin").postForEntity("/api/webhooks/subscriptions",
        Map.of("url", "ftp://example.com", "events", List.of("order.shipped")), String.class);
    ResponseEntity<String> unknownEvent = as("admin").postForEntity("/api/webhooks/subscriptions",
        Map.of("url", receiver.url(), "events", List.of("order.lost")), String.class);
    ResponseEntity<String> noEvents = as("admin").postForEntity("/api/webhooks/subscriptions",
        Map.of("url", receiver.url(), "events", List.of()), String.class);

    assertThat(noUrl.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noUrl.getBody()).contains("\"name\":\"url\"", "must be an http:// or https:// URL");
    assertThat(unknownEvent.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(JSON.readTree(unknownEvent.getBody()).get("detail").asText()).startsWith("events[0]: must be one of order.shipped");
    assertThat(noEvents.getBody()).contains("\"name\":\"events\"", "must name at least one event");
  }

  @Test
  void theAdminPageSubscribesAndShowsTheDeliveryLogOthersAreRefused() throws Exception {
    PageSession admin = new PageSession(port).logIn("admin");
    admin.open("/me/webhooks");

    PageSession.Answer subscribed = admin.post("/me/webhooks", Map.of("url", receiver.url(), "events", "order.shipped",
        "format", "JSON", "description", "Bookkeeping"));
    assertThat(subscribed.status()).isEqualTo(303);
    publishShipped(4714);
    receiver.awaitRequests(1);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> admin.open("/me/webhooks").body().contains("DELIVERED"));
    PageSession.Answer page = admin.open("/me/webhooks");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains(receiver.url(), "Bookkeeping", "order.shipped", "HTTP 200: thanks");
    PageSession.Answer refused = new PageSession(port).logIn("sam").open("/me/webhooks");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("only administrators");
  }

  private JsonNode subscribe(String format, String... events) {
    ResponseEntity<JsonNode> created = as("admin").postForEntity("/api/webhooks/subscriptions",
        Map.of("url", receiver.url(), "events", List.of(events), "format", format), JsonNode.class);
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    return created.getBody();
  }

  private void publishShipped(long orderId) {
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> events.publishEvent(shipped(orderId)));
  }

  private static OrderShipped shipped(long orderId) {
    return new OrderShipped(orderId, "Jane Doe", "jane@example.com", "DHL", "00340434161234567890",
        Instant.parse("2031-03-04T15:00:00Z"));
  }

  private List<JsonNode> deliveries(JsonNode subscription) {
    JsonNode log = as("admin").getForObject("/api/webhooks/subscriptions/" + subscription.get("id").asLong() + "/deliveries",
        JsonNode.class);
    return java.util.stream.StreamSupport.stream(log.spliterator(), false).toList();
  }

  private JsonNode awaitLog(JsonNode subscription, String status) {
    return awaitLog(subscription, status, log -> true);
  }

  private JsonNode awaitLog(JsonNode subscription, String status, java.util.function.Predicate<JsonNode> also) {
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(subscription).stream()
        .anyMatch(log -> log.get("status").asText().equals(status) && also.test(log)));
    return deliveries(subscription).stream().filter(log -> log.get("status").asText().equals(status) && also.test(log))
        .findFirst().orElseThrow();
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, user);
  }
}
