package io.opsflow.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.ApiContract;
import io.opsflow.OpsflowSpringTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code POST /api/webhooks/orders/{source}} through real HTTP with the real engine: signed
 * orders in the generic shape and WooCommerce's (its documented order, {@code
 * webhooks/woocommerce-order-created.json}), once per external id, unknown articles waiting for
 * sales; and the refusals: 401, 404, 413, 400 naming the field, each storing nothing.
 */
@OpsflowSpringTest
class ShopOrderWebhookTest {

  static final String SHOP_SECRET = "test-shop-secret-0123456789";
  static final String WOO_SECRET = "test-woo-secret-0123456789";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;

  final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  String desk;
  String externalId;

  @BeforeEach
  void freshProductAndOrderNumber() {
    desk = "W-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    jdbc.update("insert into product (sku, name, price, on_hand, reserved, version) values (?, ?, 120.00, 50, 0, 0)",
        desk, "Webshop desk " + desk);
    externalId = "shop-" + UUID.randomUUID();
  }

  @Test
  void aSignedOrderIsPlacedAndItsProcessStarted() throws Exception {
    HttpResponse<String> response = post("shop", order(externalId, desk, 2), SHOP_SECRET);

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode answer = JSON.readTree(response.body());
    long orderId = answer.get("orderId").asLong();
    assertThat(response.headers().firstValue("Location")).hasValue("/api/orders/" + orderId);
    assertThat(answer.get("externalId").asText()).isEqualTo(externalId);
    assertThat(answer.get("orderStatus").asText()).isEqualTo("PICKING"); // the process reserved the stock right away
    assertThat(answer.get("unknownSkus")).isEmpty();
    Map<String, Object> order = jdbc.queryForMap(
        "select status, placed_by, customer_email, total, process_instance_id from customer_order where id = ?", orderId);
    assertThat(order.get("placed_by")).isEqualTo("shop:shop");
    assertThat(order.get("customer_email")).isEqualTo("jane@example.com");
    assertThat(order.get("status")).isEqualTo("PICKING");
    assertThat(order.get("process_instance_id")).isNotNull();
  }

  /** A shop may list one article on two lines (two variants, an added item): it is one line of Opsflow's order. */
  @Test
  void linesOfTheSameArticleArePlacedAsOneLine() throws Exception {
    byte[] body = JSON.writeValueAsBytes(Map.of("externalId", externalId,
        "customer", Map.of("name", "Jane Doe", "email", "jane@example.com"),
        "lines", List.of(Map.of("sku", desk, "quantity", 2), Map.of("sku", desk, "quantity", 3))));

    HttpResponse<String> response = post("shop", body, SHOP_SECRET);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    long orderId = JSON.readTree(response.body()).get("orderId").asLong();
    assertThat(jdbc.queryForList("select sku from order_line where order_id = ?", String.class, orderId)).containsExactly(desk);
    assertThat(jdbc.queryForList("select quantity from order_line where order_id = ?", Integer.class, orderId))
        .containsExactly(5);
  }

  @Test
  void aRedeliveryReturnsTheFirstResultAndPlacesNothing() throws Exception {
    byte[] body = order(externalId, desk, 1);
    HttpResponse<String> first = post("shop", body, SHOP_SECRET);

    HttpResponse<String> again = post("shop", body, SHOP_SECRET);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(again.body())).isEqualTo(JSON.readTree(first.body()));
    assertThat(ordersOf(externalId)).isEqualTo(1);
  }

  @Test
  void theSameExternalIdFromAnotherShopIsAnotherOrder() throws Exception {
    String number = Long.toString(1_000_000 + Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000L));
    byte[] woo = ("{\"id\":" + number + ",\"billing\":{\"first_name\":\"Jane\",\"email\":\"jane@example.com\"},"
        + "\"line_items\":[{\"sku\":\"" + desk + "\",\"quantity\":1}]}").getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> fromShop = post("shop", order(number, desk, 1), SHOP_SECRET);
    HttpResponse<String> fromWoo = post("woo", woo, WOO_SECRET);

    assertThat(fromShop.statusCode()).isEqualTo(201);
    assertThat(fromWoo.statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(fromWoo.body()).get("orderId").asLong())
        .isNotEqualTo(JSON.readTree(fromShop.body()).get("orderId").asLong());
  }

  @Test
  void concurrentRedeliveriesPlaceTheOrderOnce() throws Exception {
    byte[] body = order(externalId, desk, 1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<HttpResponse<String>>> deliveries = new ArrayList<>();
    try {
      Callable<HttpResponse<String>> delivery = () -> post("shop", body, SHOP_SECRET);
      for (int i = 0; i < 4; i++) {
        deliveries.add(pool.submit(delivery));
      }
      List<Integer> statuses = new ArrayList<>();
      List<Long> orderIds = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : deliveries) {
        statuses.add(answer.get().statusCode());
        orderIds.add(JSON.readTree(answer.get().body()).get("orderId").asLong());
      }

      assertThat(statuses).containsOnly(201, 200).filteredOn(status -> status == 201).hasSize(1);
      assertThat(orderIds).containsOnly(orderIds.get(0));
      assertThat(ordersOf(externalId)).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anUnknownSkuDoesNotRefuseTheOrderItWaitsForSales() throws Exception {
    HttpResponse<String> response = post("shop", order(externalId, "NOT-IN-CATALOGUE", 3), SHOP_SECRET);

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.get("orderStatus").asText()).isEqualTo("NEEDS_ATTENTION");
    assertThat(answer.get("unknownSkus").get(0).asText()).isEqualTo("NOT-IN-CATALOGUE");
    String instance = jdbc.queryForObject("select process_instance_id from customer_order where id = ?", String.class,
        answer.get("orderId").asLong());
    Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_CorrectUnknownArticles");
    assertThat(task.getName()).isEqualTo("Correct unknown articles");
    assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("sales"));
  }

  /** "Correct unknown articles" is sales' work: the warehouse cannot take or complete it, and sales set only its field. */
  @Test
  void theCorrectionOfUnknownArticlesHoldsAtTheEngineRestApi() throws Exception {
    JsonNode answer = JSON.readTree(post("shop", order(externalId, "NOT-IN-CATALOGUE", 3), SHOP_SECRET).body());
    long orderId = answer.get("orderId").asLong();
    String instance = jdbc.queryForObject("select process_instance_id from customer_order where id = ?", String.class, orderId);
    Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    String corrected = "{\"variables\": {\"skuCorrections\": {\"value\": \"NOT-IN-CATALOGUE = " + desk + "\"}}}";

    assertThat(engineRest("wendy", "/task/" + task.getId() + "/claim", "{\"userId\": \"wendy\"}").statusCode())
        .isEqualTo(403);
    assertThat(engineRest("wendy", "/task/" + task.getId() + "/submit-form", corrected).statusCode()).isEqualTo(403);
    HttpResponse<String> withAFlag = engineRest("sam", "/task/" + task.getId() + "/submit-form",
        "{\"variables\": {\"skuCorrections\": {\"value\": \"NOT-IN-CATALOGUE = " + desk + "\"},"
            + " \"approvalNeeded\": {\"value\": false, \"type\": \"Boolean\"}}}");

    assertThat(withAFlag.statusCode()).isEqualTo(400);
    assertThat(withAFlag.body()).contains("approvalNeeded");
    Task still = taskService.createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(still).isNotNull();
    assertThat(still.getAssignee()).isNull();
    assertThat(jdbc.queryForObject("select status from customer_order where id = ?", String.class, orderId))
        .isEqualTo("NEEDS_ATTENTION");
  }

  private HttpResponse<String> engineRest(String user, String path, String body) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest" + path))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void wooCommercesOrderCreatedIsMappedAndItsOwnSignatureAccepted() throws Exception {
    byte[] body = Files.readAllBytes(Path.of("src/test/resources/webhooks/woocommerce-order-created.json"));
    jdbc.update("delete from webhook_inbound_order where source = 'woo' and external_id = '727'");
    if (jdbc.queryForObject("select count(*) from product where sku = 'Bar3'", Integer.class) == 0) {
      jdbc.update("insert into product (sku, name, price, on_hand, reserved, version) values ('Bar3', 'Ship Your Idea', 12.00, 100, 0, 0)");
    }
    String signature = Base64.getEncoder().encodeToString(Signatures.hmac(WOO_SECRET, body));

    HttpResponse<String> response = send("woo", body, Map.of("X-WC-Webhook-Signature", signature,
        "X-WC-Webhook-Topic", "order.created"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.get("externalId").asText()).isEqualTo("727");
    assertThat(answer.get("orderStatus").asText()).isEqualTo("NEEDS_ATTENTION");
    assertThat(answer.get("unknownSkus").get(0).asText()).isEqualTo("WC-93");
    Map<String, Object> order = jdbc.queryForMap("select customer_name, customer_email, placed_by from customer_order where id = ?",
        answer.get("orderId").asLong());
    assertThat(order).containsEntry("customer_name", "John Doe").containsEntry("customer_email", "john.doe@example.com")
        .containsEntry("placed_by", "shop:woo");
    assertThat(jdbc.queryForList("select sku || ' x ' || quantity from order_line where order_id = ? order by id",
        String.class, answer.get("orderId").asLong())).containsExactly("WC-93 x 2", "Bar3 x 1");
  }

  @Test
  void wooCommercesPingWhenTheWebhookIsSavedIsAnsweredAndPlacesNothing() throws Exception {
    long orders = jdbc.queryForObject("select count(*) from customer_order", Long.class);

    HttpResponse<String> ping = client.send(HttpRequest.newBuilder(uri("woo"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("webhook_id=12")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(ping.statusCode()).isEqualTo(204);
    assertThat(jdbc.queryForObject("select count(*) from customer_order", Long.class)).isEqualTo(orders);
  }

  @Test
  void aWrongOrMissingSignatureIs401AndStoresNothing() throws Exception {
    byte[] body = order(externalId, desk, 1);

    HttpResponse<String> wrongSecret = post("shop", body, "another-secret-0123456789");
    HttpResponse<String> missing = send("shop", body, Map.of());
    HttpResponse<String> otherSourcesSecret = post("woo", body, SHOP_SECRET);
    HttpResponse<String> garbage = send("shop", body, Map.of(Signatures.HEADER, "sha256=zz"));

    for (HttpResponse<String> refused : List.of(wrongSecret, missing, otherSourcesSecret, garbage)) {
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(JSON.readTree(refused.body()).get("detail").asText()).contains("signature is missing or wrong");
    }
    assertThat(ordersOf(externalId)).isZero();
  }

  @Test
  void anUnknownSourceIs404() throws Exception {
    HttpResponse<String> response = post("no-such-shop", order(externalId, desk, 1), SHOP_SECRET);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(response.body()).get("detail").asText()).isEqualTo("webhook source no-such-shop does not exist");
  }

  @Test
  void aBodyAbove1MbIs413() throws Exception {
    byte[] huge = ("{\"externalId\":\"" + externalId + "\",\"padding\":\"" + "x".repeat(1024 * 1024) + "\"}")
        .getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> response = post("shop", huge, SHOP_SECRET);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(ordersOf(externalId)).isZero();
  }

  @Test
  void aMalformedBodyIs400NamingTheFieldAsTheShopNamesIt() throws Exception {
    byte[] noEmail = ("{\"externalId\":\"" + externalId + "\",\"customer\":{\"name\":\"Jane\"},"
        + "\"lines\":[{\"sku\":\"" + desk + "\",\"quantity\":1}]}").getBytes(StandardCharsets.UTF_8);
    byte[] textQuantity = ("{\"externalId\":\"" + externalId + "\",\"customer\":{\"name\":\"Jane\",\"email\":\"j@example.com\"},"
        + "\"lines\":[{\"sku\":\"" + desk + "\",\"quantity\":\"two\"}]}").getBytes(StandardCharsets.UTF_8);
    byte[] notJson = "{\"externalId\":".getBytes(StandardCharsets.UTF_8);
    byte[] wooWithoutEmail = "{\"id\":728,\"billing\":{\"first_name\":\"John\"},\"line_items\":[{\"product_id\":93,\"quantity\":1}]}"
        .getBytes(StandardCharsets.UTF_8);

    assertBadField(post("shop", noEmail, SHOP_SECRET), "customer.email", "must not be blank");
    assertBadField(post("shop", textQuantity, SHOP_SECRET), "lines[0].quantity", "must be a whole number within range");
    assertThat(post("shop", notJson, SHOP_SECRET).statusCode()).isEqualTo(400);
    assertBadField(post("woo", wooWithoutEmail, WOO_SECRET), "billing.email", "must not be blank");
    assertThat(ordersOf(externalId)).isZero();
  }

  @Test
  void onlyThePostIsOpenOtherMethodsNeedALogin() throws Exception {
    HttpResponse<String> get = client.send(HttpRequest.newBuilder(uri("shop")).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(get.statusCode()).isEqualTo(401);
  }

  private void assertBadField(HttpResponse<String> response, String field, String reason) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode invalid = JSON.readTree(response.body()).get("invalid-params");
    assertThat(invalid).as(response.body()).anySatisfy(param -> {
      assertThat(param.get("name").asText()).isEqualTo(field);
      assertThat(param.get("reason").asText()).isEqualTo(reason);
    });
  }

  private int ordersOf(String externalId) {
    return jdbc.queryForObject("select count(*) from webhook_inbound_order where external_id = ?", Integer.class, externalId);
  }

  static byte[] order(String externalId, String sku, int quantity) throws IOException {
    return JSON.writeValueAsBytes(Map.of("externalId", externalId,
        "customer", Map.of("name", "Jane Doe", "email", "jane@example.com"),
        "lines", List.of(Map.of("sku", sku, "quantity", quantity))));
  }

  private HttpResponse<String> post(String source, byte[] body, String secret) throws IOException, InterruptedException {
    return send(source, body, Map.of(Signatures.HEADER, Signatures.header(secret, body)));
  }

  private HttpResponse<String> send(String source, byte[] body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(source)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    HttpHeaders sent = new HttpHeaders();
    sent.setContentType(MediaType.APPLICATION_JSON);
    headers.forEach(sent::add);
    HttpHeaders received = new HttpHeaders();
    answer.headers().map().forEach(received::addAll);
    ApiContract.check(uri(source), "POST", sent, body, answer.statusCode(), received,
        answer.body().getBytes(StandardCharsets.UTF_8));
    return answer;
  }

  private URI uri(String source) {
    return URI.create("http://localhost:" + port + "/api/webhooks/orders/" + source);
  }
}
