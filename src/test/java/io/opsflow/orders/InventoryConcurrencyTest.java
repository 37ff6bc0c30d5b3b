package io.opsflow.orders;

import static io.opsflow.orders.OrderFixtures.customerEmail;
import static io.opsflow.orders.OrderFixtures.newOrder;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Orders racing for the last units, through the API as sales places them: stock is never
 * promised twice, never goes below zero, and a reservation is released exactly once.
 */
@OpsflowSpringTest
class InventoryConcurrencyTest {

  static final int ORDERS = 20;
  static final int UNITS = 10;

  @Autowired TestRestTemplate http;
  @Autowired ProductRepository products;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;

  OrderFixtures fixtures;
  ExecutorService pool;

  @BeforeEach
  void setUp() {
    fixtures = new OrderFixtures(products, http);
    pool = Executors.newFixedThreadPool(ORDERS + 1);
  }

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
  }

  @Test
  void twentyConcurrentOrdersForTenUnitsReserveExactlyTenAndNeverGoBelowZero() throws Exception {
    Product lastUnits = fixtures.product(UNITS, "10.00");
    StockWatch watch = watch(lastUnits);

    List<ResponseEntity<OrderView>> placed = all(ORDERS, () ->
        fixtures.as("sam").postForEntity("/api/orders", newOrder(customerEmail(), lastUnits, 1), OrderView.class));
    watch.stop();

    assertThat(placed).extracting(ResponseEntity::getStatusCode).containsOnly(HttpStatus.CREATED);
    Map<OrderStatus, Long> byStatus = placed.stream().map(ResponseEntity::getBody)
        .collect(Collectors.groupingBy(OrderView::status, Collectors.counting()));
    assertThat(byStatus).containsOnly(Map.entry(OrderStatus.PICKING, 10L), Map.entry(OrderStatus.BACKORDERED, 10L));
    Product after = fixtures.reload(lastUnits);
    assertThat(after.reserved()).isEqualTo(UNITS);
    assertThat(after.onHand()).isEqualTo(UNITS);
    assertThat(watch.samples()).isPositive();
    assertThat(watch.lowestAvailable()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void concurrentCancellationsOfOneOrderReleaseItsStockOnce() throws Exception {
    Product monitor = fixtures.product(5, "100.00");
    OrderView order = fixtures.place(newOrder(customerEmail(), monitor, 2));
    fixtures.place(newOrder(customerEmail(), monitor, 3)); // holds the rest: a second release would show

    List<ResponseEntity<String>> cancels = all(5, () -> fixtures.cancel("sam", order.id()));

    Map<HttpStatus, Long> byStatus = cancels.stream()
        .collect(Collectors.groupingBy(response -> HttpStatus.valueOf(response.getStatusCode().value()), Collectors.counting()));
    assertThat(byStatus).containsOnly(Map.entry(HttpStatus.OK, 1L), Map.entry(HttpStatus.CONFLICT, 4L));
    assertThat(fixtures.order(order.id()).status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(fixtures.reload(monitor).reserved()).isEqualTo(3);
  }

  @Test
  void concurrentOrdersAndShipmentsOfTheSameProductsNeitherDeadlockNorLoseAnUpdate() throws Exception {
    Product cable = fixtures.product(UNITS, "5.00");
    Product lamp = fixtures.product(UNITS, "20.00");
    AtomicInteger next = new AtomicInteger();
    // half the orders name the products the other way round: the locks are taken in SKU order all the same
    List<OrderView> placed = all(6, () -> {
      boolean cableFirst = next.getAndIncrement() % 2 == 0;
      List<Map<String, Object>> lines = cableFirst
          ? List.of(Map.of("sku", cable.sku(), "quantity", 1), Map.of("sku", lamp.sku(), "quantity", 1))
          : List.of(Map.of("sku", lamp.sku(), "quantity", 1), Map.of("sku", cable.sku(), "quantity", 1));
      return fixtures.place(Map.of("customerName", OrderFixtures.CUSTOMER, "customerEmail", customerEmail(), "lines", lines));
    });
    assertThat(placed).extracting(OrderView::status).containsOnly(OrderStatus.PICKING);
    for (OrderView order : placed) {
      fixtures.complete("wendy", task(order, OrderFulfillment.TASK_PICK_AND_PACK_ORDER),
          Map.of(OrderFulfillment.FORM_ITEMS_MISSING, false));
    }

    List<ResponseEntity<String>> shipped = all(placed.size(), new Callable<>() {
      final AtomicInteger taken = new AtomicInteger();

      @Override
      public ResponseEntity<String> call() {
        OrderView order = placed.get(taken.getAndIncrement());
        return fixtures.as("wendy").postForEntity("/api/tasks/{id}/complete", Map.of(OrderFulfillment.FORM_CARRIER, "DHL",
            OrderFulfillment.FORM_TRACKING_NUMBER, "JD0146000032" + order.id()), String.class,
            task(order, OrderFulfillment.TASK_SHIP_ORDER));
      }
    });

    assertThat(shipped).extracting(ResponseEntity::getStatusCode).containsOnly(HttpStatus.NO_CONTENT);
    assertThat(placed).extracting(order -> fixtures.order(order.id()).status()).containsOnly(OrderStatus.SHIPPED);
    for (Product product : List.of(cable, lamp)) {
      Product after = fixtures.reload(product);
      assertThat(after.onHand()).isEqualTo(UNITS - placed.size());
      assertThat(after.reserved()).isZero();
    }
  }

  private String task(OrderView order, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(order.processInstanceId()).taskDefinitionKey(taskKey)
        .singleResult().getId();
  }

  /** Runs the call n times at once and returns the results. */
  private <T> List<T> all(int n, Callable<T> call) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      futures.add(pool.submit(() -> {
        go.await();
        return call.call();
      }));
    }
    go.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(future.get(120, TimeUnit.SECONDS));
    }
    return results;
  }

  /** Reads the product's committed stock over and over while the orders run. */
  private StockWatch watch(Product product) {
    StockWatch watch = new StockWatch();
    pool.submit(() -> {
      while (watch.running.get()) {
        Map<String, Object> row = jdbc.queryForMap("select on_hand, reserved from product where sku = ?", product.sku());
        int available = ((Number) row.get("ON_HAND")).intValue() - ((Number) row.get("RESERVED")).intValue();
        watch.lowest.accumulateAndGet(Math.min(available, ((Number) row.get("ON_HAND")).intValue()), Math::min);
        watch.samples.incrementAndGet();
      }
      return null;
    });
    return watch;
  }

  private static final class StockWatch {
    final AtomicBoolean running = new AtomicBoolean(true);
    final AtomicInteger lowest = new AtomicInteger(Integer.MAX_VALUE);
    final AtomicInteger samples = new AtomicInteger();

    void stop() {
      running.set(false);
    }

    int samples() {
      return samples.get();
    }

    int lowestAvailable() {
      return lowest.get();
    }
  }
}
