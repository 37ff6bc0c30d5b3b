package io.opsflow.orders;

import static io.opsflow.insight.DemoScenario.minutes;
import static io.opsflow.orders.OrderFulfillment.PROCESS_KEY;

import io.opsflow.insight.DemoScenario;
import io.opsflow.insight.HistorySimulation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo history of order fulfillment, played as its people would in Tasklist: sales enters
 * three to six orders a working day with the start form; finance approves the large ones (one in
 * ten rejected); sales decides on backorders; the warehouse picks, packs and ships, sometimes
 * late enough for the reminder and escalation to fire.
 */
@Component
@Profile("demo & !test & !prod")
class OrderFulfillmentDemo implements DemoScenario {

  private static final List<String> CUSTOMERS = List.of("Ada Lovelace", "Grace Hopper", "Alan Turing",
      "Katherine Johnson", "Edsger Dijkstra", "Barbara Liskov", "Donald Knuth", "Frances Allen");
  private static final List<String> CARRIERS = List.of("DHL", "DPD", "GLS", "UPS");

  private final ProductRepository products;

  OrderFulfillmentDemo(ProductRepository products) {
    this.products = products;
  }

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  @Override
  public void schedule(HistorySimulation simulation, Instant from, Instant to, Random random) {
    List<String> skus = products.findAllByOrderBySku().stream().map(Product::sku).toList();
    if (skus.isEmpty()) {
      return;
    }
    for (LocalDate day : DemoScenario.workingDays(from, to)) {
      for (int n = 3 + random.nextInt(4); n > 0; n--) {
        simulation.startWithForm(DemoScenario.at(day, 9, 8 * 60, random), "sam", PROCESS_KEY, orderForm(skus, random));
      }
    }
  }

  private static Map<String, Object> orderForm(List<String> skus, Random random) {
    String customer = CUSTOMERS.get(random.nextInt(CUSTOMERS.size()));
    Map<String, Object> form = new HashMap<>();
    form.put(OrderFulfillment.FORM_CUSTOMER_NAME, customer);
    form.put(OrderFulfillment.FORM_CUSTOMER_EMAIL, customer.toLowerCase().replace(' ', '.') + "@customer.example");
    List<String> products = new ArrayList<>(skus);
    Collections.shuffle(products, random);
    for (int line = 1; line <= Math.min(products.size(), 1 + random.nextInt(2)); line++) {
      form.put("line" + line, "{\"sku\":\"" + products.get(line - 1) + "\",\"quantity\":" + (1 + random.nextInt(3)) + "}");
    }
    return form;
  }

  @Override
  public Optional<TaskPlan> plan(Task task, Random random) {
    if (DemoScenario.stillOpen(task)) {
      return Optional.empty();
    }
    return switch (task.getTaskDefinitionKey()) {
      case OrderFulfillment.TASK_APPROVE_ORDER -> Optional.of(new TaskPlan(random.nextBoolean() ? "fiona" : "fred",
          minutes(30, 360, random), minutes(10, 40, random), Map.of(OrderFulfillment.FORM_APPROVAL_DECISION,
              random.nextInt(10) == 0 ? OrderFulfillment.REJECT : OrderFulfillment.APPROVE)));
      case OrderFulfillment.TASK_DECIDE_ON_BACKORDER -> Optional.of(new TaskPlan("sam", minutes(60, 300, random),
          minutes(5, 20, random), Map.of(OrderFulfillment.FORM_BACKORDER_DECISION,
              random.nextBoolean() ? OrderFulfillment.WAIT_FOR_STOCK : OrderFulfillment.CANCEL_ORDER)));
      case OrderFulfillment.TASK_PICK_AND_PACK_ORDER -> Optional.of(new TaskPlan(random.nextInt(4) == 0 ? "will" : "wendy",
          minutes(60, random.nextInt(4) == 0 ? 4000 : 600, random), minutes(20, 90, random),
          Map.of(OrderFulfillment.FORM_ITEMS_MISSING, false)));
      case OrderFulfillment.TASK_SHIP_ORDER -> Optional.of(new TaskPlan("wendy", minutes(30, 360, random),
          minutes(10, 30, random), Map.of(OrderFulfillment.FORM_CARRIER, CARRIERS.get(random.nextInt(CARRIERS.size())),
              OrderFulfillment.FORM_TRACKING_NUMBER, "TRK" + (100000000L + random.nextInt(900000000)))));
      default -> Optional.empty();
    };
  }
}
