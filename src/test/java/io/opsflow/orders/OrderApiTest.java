package io.opsflow.orders;

import static io.opsflow.orders.OrderFixtures.customerEmail;
import static io.opsflow.orders.OrderFixtures.newOrder;
import static io.opsflow.orders.OrderFulfillment.VAR_APPROVAL_NEEDED;
import static io.opsflow.orders.OrderFulfillment.VAR_IN_STOCK;
import static io.opsflow.orders.OrderFulfillment.VAR_ORDER_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

/** The order and product API: what it accepts, what it refuses and to whom. */
@OpsflowSpringTest
class OrderApiTest {

  @Autowired TestRestTemplate http;
  @Autowired ProductRepository products;
  @Autowired OrderRepository orders;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  OrderFixtures fixtures;
  Product desk;

  @BeforeEach
  void freshProduct() {
    fixtures = new OrderFixtures(products, http);
    desk = fixtures.product(10, "20.00");
  }

  @Test
  void salesPlacesAnOrderWhichReservesItsStockAndStartsItsProcess() {
    String email = customerEmail();

    ResponseEntity<OrderView> response =
        fixtures.as("sam").postForEntity("/api/orders", newOrder(email, desk, 3), OrderView.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    OrderView order = response.getBody();
    assertThat(response.getHeaders().getLocation()).hasToString("/api/orders/" + order.id());
    assertThat(order.status()).isEqualTo(OrderStatus.PICKING);
    assertThat(order.customerEmail()).isEqualTo(email);
    assertThat(order.total()).isEqualByComparingTo("60.00");
    assertThat(order.lines()).singleElement().satisfies(line -> {
      assertThat(line.sku()).isEqualTo(desk.sku());
      assertThat(line.quantity()).isEqualTo(3);
      assertThat(line.lineTotal()).isEqualByComparingTo("60.00");
    });
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceId(order.processInstanceId()).singleResult();
    assertThat(instance.getBusinessKey()).isEqualTo(Long.toString(order.id()));
    assertThat(runtimeService.getVariables(instance.getId()))
        .containsOnly(Map.entry(VAR_ORDER_ID, order.id()), Map.entry(OrderFulfillment.VAR_ARTICLES_KNOWN, true),
            Map.entry(VAR_APPROVAL_NEEDED, false), Map.entry(VAR_IN_STOCK, true));
    assertThat(fixtures.reload(desk).reserved()).isEqualTo(3);
    assertThat(fixtures.order(order.id())).usingRecursiveComparison().isEqualTo(order);
  }

  @Test
  void anUnknownSkuIsRefusedNamingTheLine() {
    Map<String, Object> order = twoLines("NO-SUCH-SKU", 1);

    assertRefused(order, "lines[1].sku: no product has the SKU 'NO-SUCH-SKU'");
  }

  @Test
  void aQuantityBelowOneIsRefused() {
    assertRefused(newOrder(customerEmail(), desk, 0), "lines[0].quantity: must be greater than or equal to 1");
  }

  @Test
  void aQuantityThatIsNoNumberIsRefused() {
    Map<String, Object> order = new HashMap<>(newOrder(customerEmail(), desk, 1));
    order.put("lines", List.of(Map.of("sku", desk.sku(), "quantity", "two")));

    assertRefused(order, "lines[0].quantity");
  }

  @Test
  void aMissingEmailIsRefused() {
    Map<String, Object> order = new HashMap<>(newOrder(customerEmail(), desk, 1));
    order.remove("customerEmail");

    assertRefused(order, "customerEmail: must not be blank");
  }

  @Test
  void anInvalidEmailIsRefused() {
    assertRefused(newOrder("jane.example.com", desk, 1), "customerEmail: must be a valid e-mail address");
  }

  @Test
  void anEmptyOrderIsRefused() {
    Map<String, Object> order = new HashMap<>(newOrder(customerEmail(), desk, 1));
    order.put("lines", List.of());

    assertRefused(order, "lines: must contain at least one line");
  }

  @Test
  void theSameSkuOnTwoLinesIsRefused() {
    assertRefused(twoLines(desk.sku(), 2), "lines[1].sku: '" + desk.sku() + "' is on more than one line");
  }

  @Test
  void onlySalesAndAdministratorsMayPlaceOrders() {
    long before = orders.count();

    ResponseEntity<String> byWarehouse = placeAs("wendy");
    ResponseEntity<String> byAdmin = placeAs("admin");

    assertThat(byWarehouse.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(byWarehouse.getBody()).contains("only sales may place orders");
    assertThat(byAdmin.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(orders.count()).isEqualTo(before + 1);
  }

  @Test
  void ordersAreReadByTheDepartmentsInvolvedOnly() {
    OrderView order = fixtures.place(newOrder(customerEmail(), desk, 1));

    assertThat(getAs("fred", "/api/orders/" + order.id())).isEqualTo(HttpStatus.OK);
    assertThat(getAs("wendy", "/api/orders/" + order.id())).isEqualTo(HttpStatus.OK);
    assertThat(getAs("hugo", "/api/orders/" + order.id())).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(getAs("sam", "/api/orders/999999999")).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void ordersAreListedByStatus() {
    OrderView picking = fixtures.place(newOrder(customerEmail(), desk, 1));
    OrderView backordered = fixtures.place(newOrder(customerEmail(), desk, 50));

    List<OrderView> listed = fixtures.as("sam").exchange("/api/orders?status=BACKORDERED", HttpMethod.GET, null,
        new ParameterizedTypeReference<List<OrderView>>() {}).getBody();

    assertThat(listed).extracting(OrderView::id).contains(backordered.id()).doesNotContain(picking.id());
    assertThat(listed).extracting(OrderView::status).containsOnly(OrderStatus.BACKORDERED);
    assertThat(fixtures.as("sam").getForEntity("/api/orders?status=LOST", String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void productsAreListedWithWhatIsAvailable() {
    fixtures.place(newOrder(customerEmail(), desk, 4));

    List<ProductView> listed = fixtures.as("wendy").exchange("/api/products", HttpMethod.GET, null,
        new ParameterizedTypeReference<List<ProductView>>() {}).getBody();

    assertThat(listed).extracting(ProductView::sku).contains("DESK-OAK", "PRINTER-LASER");
    assertThat(listed).filteredOn(product -> product.sku().equals(desk.sku())).singleElement()
        .satisfies(product -> {
          assertThat(product.onHand()).isEqualTo(10);
          assertThat(product.reserved()).isEqualTo(4);
          assertThat(product.available()).isEqualTo(6);
        });
  }

  @Test
  void onlyTheWarehouseBooksInStockOfKnownProductsInPositiveQuantities() {
    assertThat(fixtures.restock("sam", desk.sku(), 5).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(fixtures.restock("wendy", desk.sku(), 0).getBody()).contains("quantity: must be greater than or equal to 1");
    assertThat(fixtures.restock("wendy", "NO-SUCH-SKU", 5).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<String> restocked = fixtures.restock("wendy", desk.sku(), 5);

    assertThat(restocked.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(fixtures.reload(desk).onHand()).isEqualTo(15);
  }

  @Test
  void onlySalesCancelsAndAnUnknownOrderCannotBeCancelled() {
    OrderView order = fixtures.place(newOrder(customerEmail(), desk, 1));

    assertThat(fixtures.cancel("wendy", order.id()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(fixtures.cancel("sam", 999999999).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(fixtures.order(order.id()).status()).isEqualTo(OrderStatus.PICKING);
  }

  @Test
  void theTasklistStartFormIsCheckedLikeTheApi() {
    long ordersBefore = orders.count();
    long processesBefore = startedProcesses();

    ResponseEntity<Map<String, Object>> response = fixtures.enterInTasklist(customerEmail(), "NO-SUCH-SKU", 1);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("detail")).contains("lines[0].sku: no product has the SKU 'NO-SUCH-SKU'");
    assertThat(orders.count()).isEqualTo(ordersBefore);
    assertThat(startedProcesses()).isEqualTo(processesBefore);
  }

  @Test
  void aTasklistOrderWithoutArticleIsRefusedByItsForm() {
    long processesBefore = startedProcesses();

    ResponseEntity<Map<String, Object>> response = fixtures.enterInTasklist(customerEmail(), "", 0);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message")).contains("'line1.sku' (SKU) is required")
        .contains("'line1.quantity' (Quantity) must be at least 1");
    assertThat(startedProcesses()).isEqualTo(processesBefore);
  }

  private ResponseEntity<String> placeAs(String user) {
    return fixtures.as(user).postForEntity("/api/orders", newOrder(customerEmail(), desk, 1), String.class);
  }

  private HttpStatusCode getAs(String user, String path) {
    return fixtures.as(user).getForEntity(path, String.class).getStatusCode();
  }

  private long startedProcesses() {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(OrderFulfillment.PROCESS_KEY).count();
  }

  private Map<String, Object> twoLines(String secondSku, int quantity) {
    return Map.of("customerName", OrderFixtures.CUSTOMER, "customerEmail", customerEmail(), "lines", List.of(
        Map.of("sku", desk.sku(), "quantity", 1), Map.of("sku", secondSku, "quantity", quantity)));
  }

  /** 400 naming the field; no order stored, no process started, no stock touched. */
  private void assertRefused(Map<String, Object> order, String message) {
    long ordersBefore = orders.count();
    long processesBefore = startedProcesses();

    ResponseEntity<Map<String, Object>> response = fixtures.as("sam").exchange("/api/orders", HttpMethod.POST,
        new HttpEntity<>(order), new ParameterizedTypeReference<>() {});

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("detail")).contains(message);
    assertThat(orders.count()).isEqualTo(ordersBefore);
    assertThat(startedProcesses()).isEqualTo(processesBefore);
    assertThat(fixtures.reload(desk).reserved()).isZero();
  }
}
