package io.opsflow.orders;

import io.opsflow.ProcessDriver;
import io.opsflow.BodylessWrite;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Fresh business data for one test (products with their own SKU, customers with their own
 * address) and the API as the demo users call it.
 */
final class OrderFixtures {

  static final String CUSTOMER = "Jane Doe";

  private final ProductRepository products;
  private final TestRestTemplate http;

  OrderFixtures(ProductRepository products, TestRestTemplate http) {
    this.products = products;
    this.http = http;
  }

  Product product(int onHand, String price) {
    String sku = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    return products.save(new Product(sku, "Test article " + sku, new BigDecimal(price), onHand));
  }

  Product reload(Product product) {
    return products.findById(product.sku()).orElseThrow();
  }

  static String customerEmail() {
    return "customer-" + UUID.randomUUID() + "@example.com";
  }

  static Map<String, Object> newOrder(String customerEmail, Product product, int quantity) {
    return Map.of("customerName", CUSTOMER, "customerEmail", customerEmail,
        "lines", List.of(Map.of("sku", product.sku(), "quantity", quantity)));
  }

  OrderView place(Map<String, Object> newOrder) {
    ResponseEntity<OrderView> placed = as("sam").postForEntity("/api/orders", newOrder, OrderView.class);
    assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return placed.getBody();
  }

  OrderView order(long id) {
    return as("sam").getForObject("/api/orders/" + id, OrderView.class);
  }

  /** Completes a task through the API as the user, as a submission of its form. */
  void complete(String user, String taskId, Map<String, Object> formFields) {
    ProcessDriver.completeThroughApi(http, user, taskId, formFields);
  }

  ResponseEntity<String> restock(String user, String sku, Object quantity) {
    return as(user).postForEntity("/api/products/" + sku + "/restock", Map.of("quantity", quantity), String.class);
  }

  ResponseEntity<String> cancel(String user, long orderId) {
    return as(user).postForEntity("/api/orders/" + orderId + "/cancel", BodylessWrite.request(), String.class);
  }

  /**
   * Starts the process as Tasklist does with its start form ("Order entered"): each order line is
   * a group, a JSON variable {@code line1}, {@code line2}, ...; Tasklist sends the empty one after
   * the last line, too.
   */
  ResponseEntity<Map<String, Object>> enterInTasklist(String customerEmail, String sku, int quantity) {
    Map<String, Object> startForm = Map.of("variables", Map.of(
        "customerName", Map.of("value", CUSTOMER),
        "customerEmail", Map.of("value", customerEmail),
        "line1", Map.of("type", "Json", "value", "{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}"),
        "line2", Map.of("type", "Json", "value", "{\"sku\":\"\",\"quantity\":null}")));
    return as("sam").exchange("/engine-rest/process-definition/key/" + OrderFulfillment.PROCESS_KEY + "/submit-form",
        HttpMethod.POST, new HttpEntity<>(startForm), new ParameterizedTypeReference<>() {});
  }

  /** The demo users' password is their id. */
  TestRestTemplate as(String user) {
    return http.withBasicAuth(user, user);
  }
}
