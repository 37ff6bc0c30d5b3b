package io.opsflow.orders;

import static io.opsflow.Refusals.refusalOf;
import static io.opsflow.orders.OrderFixtures.customerEmail;
import static io.opsflow.orders.OrderFixtures.newOrder;
import static io.opsflow.orders.OrderFulfillment.FORM_SKU_CORRECTIONS;
import static io.opsflow.orders.OrderFulfillment.TASK_CORRECT_UNKNOWN_ARTICLES;
import static io.opsflow.orders.OrderFulfillment.APPROVE;
import static io.opsflow.orders.OrderFulfillment.CANCEL_ORDER;
import static io.opsflow.orders.OrderFulfillment.EVENT_STOCK_ARRIVED;
import static io.opsflow.orders.OrderFulfillment.MESSAGE_ORDER_PLACED;
import static io.opsflow.orders.OrderFulfillment.PROCESS_KEY;
import static io.opsflow.orders.OrderFulfillment.REJECT;
import static io.opsflow.orders.OrderFulfillment.TASK_APPROVE_ORDER;
import static io.opsflow.orders.OrderFulfillment.TASK_DECIDE_ON_BACKORDER;
import static io.opsflow.orders.OrderFulfillment.TASK_PICK_AND_PACK_ORDER;
import static io.opsflow.orders.OrderFulfillment.TASK_REGISTER_ORDER;
import static io.opsflow.orders.OrderFulfillment.TASK_RESERVE_STOCK;
import static io.opsflow.orders.OrderFulfillment.TASK_SEND_ORDER_CONFIRMATION;
import static io.opsflow.orders.OrderFulfillment.TASK_SHIP_ORDER;
import static io.opsflow.orders.OrderFulfillment.FORM_APPROVAL_DECISION;
import static io.opsflow.orders.OrderFulfillment.VAR_APPROVAL_NEEDED;
import static io.opsflow.orders.OrderFulfillment.FORM_BACKORDER_DECISION;
import static io.opsflow.orders.OrderFulfillment.FORM_CARRIER;
import static io.opsflow.orders.OrderFulfillment.VAR_IN_STOCK;
import static io.opsflow.orders.OrderFulfillment.FORM_ITEMS_MISSING;
import static io.opsflow.orders.OrderFulfillment.FORM_MISSING_QUANTITY;
import static io.opsflow.orders.OrderFulfillment.FORM_MISSING_SKU;
import static io.opsflow.orders.OrderFulfillment.VAR_ORDER_APPROVED;
import static io.opsflow.orders.OrderFulfillment.VAR_ORDER_ID;
import static io.opsflow.orders.OrderFulfillment.LOCAL_ORDER_SUMMARY;
import static io.opsflow.orders.OrderFulfillment.FORM_TRACKING_NUMBER;
import static io.opsflow.orders.OrderFulfillment.VAR_WAIT_FOR_STOCK;
import static io.opsflow.orders.OrderFulfillment.WAIT_FOR_STOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.opsflow.BodylessWrite;
import io.opsflow.OpsflowSpringTest;
import io.opsflow.ProcessDriver;
import io.opsflow.notify.TestMailbox;
import io.opsflow.notify.TestMailbox.ReceivedMail;
import io.opsflow.platform.ApiException;
import io.opsflow.platform.TasklistFilters;
import io.opsflow.sla.SlaStep;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code processes/order-fulfillment.bpmn}, one test per path, driven as the people drive it: sales
 * places orders through the API, employees complete their tasks through the API (as a form
 * submission), the warehouse books stock in. Each test checks the rows, the stock and the mails,
 * and runs the jobs the job executor would run. Process test coverage: 100% (enforced).
 */
@OpsflowSpringTest
class OrderFulfillmentProcessTest {

  @RegisterExtension
  static final TestMailbox mailbox = new TestMailbox();
  @RegisterExtension
  final ProcessDriver driver = new ProcessDriver();

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired ProductRepository products;
  @Autowired OrderRepository orders;
  @Autowired TestRestTemplate http;
  @Autowired ShopOrders shopOrders;
  @Autowired OrderSteps orderSteps;

  OrderFixtures fixtures;
  String customer;

  @BeforeEach
  void onMondayMorning() {
    init(processEngine);
    fixtures = new OrderFixtures(products, http);
    customer = customerEmail();
    driver.clockAt("2031-03-03T10:00"); // a Monday
  }

  /** Finance approves orders with a total above 1,000.00: not one of exactly 1,000.00, but one a cent above. */
  @ParameterizedTest(name = "{1} x {0} = {2}")
  @CsvSource({
      "500.00,  2, 1000.00, false, PICKING,           Task_PickAndPackOrder,      2",
      "1000.01, 1, 1000.01, true,  AWAITING_APPROVAL, Task_ApproveOrder,          0"})
  void onlyAnOrderAboveTheApprovalThresholdWaitsForFinance(String price, int quantity, BigDecimal total,
      boolean approvalNeeded, OrderStatus status, String waitingAt, int reserved) {
    Product desk = fixtures.product(10, price);

    OrderView order = fixtures.place(newOrder(customer, desk, quantity));

    assertThat(order.total()).isEqualByComparingTo(total);
    assertThat(order.status()).isEqualTo(status);
    assertThat(runtimeService.getVariable(order.processInstanceId(), VAR_APPROVAL_NEEDED)).isEqualTo(approvalNeeded);
    assertThat(process(order)).isWaitingAt(waitingAt);
    assertThat(fixtures.reload(desk).reserved()).isEqualTo(reserved);
  }

  @Test
  void happyPathLargeOrderIsApprovedPickedShippedAndTheCustomerTold() {
    Product desk = fixtures.product(10, "600.00");

    OrderView order = fixtures.place(newOrder(customer, desk, 2));

    ProcessInstance process = process(order);

    assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_APPROVAL);
    assertThat(process).isWaitingAt(TASK_APPROVE_ORDER).task().hasCandidateGroup("finance")
        .hasDueDate(driver.at("2031-03-04T10:00"));
    assertThat(taskService.createTaskQuery().taskId(task(order).getId()).initializeFormKeys().singleResult()
        .getCamundaFormRef().getKey()).isEqualTo("approve-order");
    assertThat((String) taskService.getVariableLocal(task(order).getId(), LOCAL_ORDER_SUMMARY))
        .contains("**Order " + order.id() + "**", desk.sku(), "**Total 1,200.00**");
    assertThat(fixtures.reload(desk).reserved()).isZero();

    fixtures.complete("fred", task(order).getId(), Map.of(FORM_APPROVAL_DECISION, APPROVE));

    assertThat(fixtures.order(order.id()).status()).isEqualTo(OrderStatus.PICKING);
    assertThat(fixtures.reload(desk).reserved()).isEqualTo(2);
    assertThat(process).hasPassed(TASK_SEND_ORDER_CONFIRMATION).isWaitingAt(TASK_PICK_AND_PACK_ORDER);
    assertThat(managementService.createJobQuery().processInstanceId(process.getId()).messages().count())
        .as("the confirmation is in the outbox with the approval, no job waits to write it").isZero();
    ReceivedMail confirmation = mailbox.awaitMails(customer, "Your order " + order.id() + " is confirmed", 1).get(0);
    assertThat(confirmation.body()).contains("Hello Jane Doe,", "2 x Test article " + desk.sku(), "Total: 1,200.00");
    assertThat(process).isWaitingAt(TASK_PICK_AND_PACK_ORDER).task().hasCandidateGroup("warehouse");

    fixtures.complete("wendy", task(order).getId(), Map.of(FORM_ITEMS_MISSING, false));

    assertThat(fixtures.order(order.id()).status()).isEqualTo(OrderStatus.SHIPPING);
    assertThat(process).isWaitingAt(TASK_SHIP_ORDER).task().hasCandidateGroup("warehouse");
    assertThat(runtimeService.getVariables(process.getId())).containsOnlyKeys(
        VAR_ORDER_ID, OrderFulfillment.VAR_ARTICLES_KNOWN, VAR_APPROVAL_NEEDED, VAR_ORDER_APPROVED, VAR_IN_STOCK, FORM_ITEMS_MISSING);
    ResponseEntity<String> badTrackingNumber = fixtures.as("wendy").postForEntity("/api/tasks/" + task(order).getId()
        + "/complete", Map.of(FORM_CARRIER, "UPS", FORM_TRACKING_NUMBER, "12-34"), String.class);
    assertThat(badTrackingNumber.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badTrackingNumber.getBody()).contains("trackingNumber");

    fixtures.complete("wendy", task(order).getId(), Map.of(FORM_CARRIER, "UPS", FORM_TRACKING_NUMBER, "1z 999 aa1 0123456784"));

    OrderView shipped = fixtures.order(order.id());
    assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
    assertThat(shipped.carrier()).isEqualTo(Carrier.UPS);
    assertThat(shipped.trackingNumber()).isEqualTo("1Z999AA10123456784");
    assertThat(shipped.shippedAt()).isEqualTo(driver.at("2031-03-03T10:00").toInstant());
    assertThat(fixtures.reload(desk).onHand()).isEqualTo(8);
    assertThat(fixtures.reload(desk).reserved()).isZero();
    ReceivedMail shippingNotice = mailbox.awaitMails(customer, "Your order " + order.id() + " is on its way", 1).get(0);
    assertThat(shippingNotice.body()).contains("Carrier: UPS", "Tracking number: 1Z999AA10123456784");
    assertThat(process).isEnded().hasPassed("EndEvent_OrderShipped");
    assertThat(fixtures.cancel("sam", order.id()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void backorderWaitsForStockAndContinuesWhenItArrives() {
    Product lamp = fixtures.product(1, "10.00");
    OrderView order = fixtures.place(newOrder(customer, lamp, 3));
    ProcessInstance process = process(order);
    assertThat(order.status()).isEqualTo(OrderStatus.BACKORDERED);
    assertThat(process).isWaitingAt(TASK_DECIDE_ON_BACKORDER).task().hasCandidateGroup("sales");

    fixtures.complete("sam", task(order).getId(), Map.of(FORM_BACKORDER_DECISION, WAIT_FOR_STOCK));

    assertThat(process).isWaitingAt("Gateway_AwaitStock");
    assertThat(runtimeService.getVariables(process.getId())).as("the gateway's flag, not the form's field")
        .containsEntry(VAR_WAIT_FOR_STOCK, true).doesNotContainKey(FORM_BACKORDER_DECISION);
    assertThat(fixtures.reload(lamp).reserved()).isZero();

    assertThat(fixtures.restock("wendy", lamp.sku(), 5).getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(fixtures.order(order.id()).status()).isEqualTo(OrderStatus.PICKING);
    assertThat(fixtures.reload(lamp).onHand()).isEqualTo(6);
    assertThat(fixtures.reload(lamp).reserved()).isEqualTo(3);
    mailbox.awaitMails(customer, "Your order " + order.id() + " is confirmed", 1);
    assertThat(process).hasPassed(EVENT_STOCK_ARRIVED).isWaitingAt(TASK_PICK_AND_PACK_ORDER);
  }

  @Test
  void backorderComesBackToSalesWhenTheStockIsOverdue() {
    Product printer = fixtures.product(0, "150.00");
    OrderView order = fixtures.place(newOrder(customer, printer, 1));
    ProcessInstance process = process(order);
    fixtures.complete("sam", task(order).getId(), Map.of(FORM_BACKORDER_DECISION, WAIT_FOR_STOCK));

    assertThat(driver.fireWhenDue(process.getId(), "Timer_StockOverdue")).isEqualTo(driver.at("2031-03-17T10:00")); // 10 working days

    assertThat(process).hasPassed("Timer_StockOverdue", TASK_RESERVE_STOCK)
        .isWaitingAt(TASK_DECIDE_ON_BACKORDER);
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(process.getId())
        .taskDefinitionKey(TASK_DECIDE_ON_BACKORDER).count()).isEqualTo(2);
    assertThat(fixtures.order(order.id()).status()).isEqualTo(OrderStatus.BACKORDERED);
    assertThat(fixtures.reload(printer).reserved()).isZero();
  }

  @Test
  void backorderCancelledBySalesClosesTheOrderAndTellsTheCustomer() {
    Product printer = fixtures.product(0, "150.00");
    OrderView order = fixtures.place(newOrder(customer, printer, 1));
    ProcessInstance process = process(order);

    fixtures.complete("sam", task(order).getId(), Map.of(FORM_BACKORDER_DECISION, CANCEL_ORDER));

    assertThat(fixtures.order(order.id()).status()).isEqualTo(OrderStatus.CANCELLED);
    ReceivedMail cancellation = mailbox.awaitMails(customer, "Your order " + order.id() + " is cancelled", 1).get(0);
    assertThat(cancellation.body()).contains("nothing will be delivered or charged");
    assertThat(process).isEnded().hasPassed("EndEvent_OrderCancelled");
    assertThat(fixtures.reload(printer).onHand()).isZero();
  }

  @Test
  void approvalRejectedByFinanceClosesTheOrderWithoutTouchingStock() {
    Product desk = fixtures.product(10, "600.00");
    OrderView order = fixtures.place(newOrder(customer, desk, 5));
    ProcessInstance process = process(order);

    fixtures.complete("fiona", task(order).getId(), Map.of(FORM_APPROVAL_DECISION, REJECT));

    assertThat(fixtures.order(order.id()).status()).isEqualTo(OrderStatus.REJECTED);
    mailbox.awaitMails(customer, "We cannot accept your order " + order.id(), 1);
    assertThat(process).isEnded().hasPassed("EndEvent_OrderRejected").hasNotPassed(TASK_RESERVE_STOCK);
    assertThat(fixtures.reload(desk).reserved()).isZero();
    assertThat(fixtures.reload(desk).onHand()).isEqualTo(10);
  }

  @Test
  void shortageAtPickingWritesOffTheMissingUnitsAndGoesBackToSales() {
    Product chair = fixtures.product(5, "50.00");
    OrderView order = fixtures.place(newOrder(customer, chair, 3));
    ProcessInstance process = process(order);
    String pick = task(order).getId();
    ResponseEntity<String> tooMany = fixtures.as("wendy").postForEntity("/engine-rest/task/{id}/submit-form",
        Map.of("variables", Map.of(FORM_ITEMS_MISSING, Map.of("value", true), FORM_MISSING_SKU, Map.of("value", chair.sku()),
            FORM_MISSING_QUANTITY, Map.of("value", 4))), String.class, pick);
    assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooMany.getBody()).contains("missingQuantity: must be between 1 and 3");
    assertThat(process).isWaitingAt(TASK_PICK_AND_PACK_ORDER);
    assertThat(fixtures.reload(chair).reserved()).isEqualTo(3);

    fixtures.complete("wendy", pick, Map.of(FORM_ITEMS_MISSING, true, FORM_MISSING_SKU, chair.sku(), FORM_MISSING_QUANTITY, 2));

    assertThat(fixtures.order(order.id()).status()).isEqualTo(OrderStatus.BACKORDERED);
    assertThat(fixtures.reload(chair).onHand()).isEqualTo(3);
    assertThat(fixtures.reload(chair).reserved()).isZero();
    assertThat(process).hasPassed("Boundary_ItemsMissing", "Task_RecordShortage")
        .isWaitingAt(TASK_DECIDE_ON_BACKORDER);
    assertThat(runtimeService.getVariables(process.getId())).doesNotContainKeys(
        FORM_ITEMS_MISSING, FORM_MISSING_SKU, FORM_MISSING_QUANTITY);
  }

  @Test
  void cancellationWhilePickingReleasesTheStockOnceAndTellsTheCustomer() {
    Product monitor = fixtures.product(4, "100.00");
    OrderView order = fixtures.place(newOrder(customer, monitor, 2));
    ProcessInstance process = process(order);
    assertThat(process).isWaitingAt(TASK_PICK_AND_PACK_ORDER);

    ResponseEntity<OrderView> cancelled = fixtures.as("sam").postForEntity("/api/orders/" + order.id() + "/cancel",
        BodylessWrite.request(), OrderView.class);

    assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(cancelled.getBody().status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(fixtures.reload(monitor).reserved()).isZero();
    assertThat(fixtures.reload(monitor).onHand()).isEqualTo(4);
    assertThat(taskService.createTaskQuery().processInstanceId(process.getId()).count()).isZero();
    assertThat(managementService.createJobQuery().processInstanceId(process.getId()).timers().count()).isZero();
    mailbox.awaitMails(customer, "Your order " + order.id() + " is cancelled", 1);
    assertThat(process).isEnded().hasPassed("Task_CancelOrder", "EndEvent_CancelledOnRequest");
    assertThat(fixtures.cancel("sam", order.id()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(fixtures.reload(monitor).reserved()).isZero();
  }

  @Test
  void pickingIsRemindedWhenDueAndEscalatedToTheWarehouseLeadWhenLate() {
    Product cable = fixtures.product(50, "5.00");
    OrderView order = fixtures.place(newOrder(customer, cable, 10));
    ProcessInstance process = process(order);
    Task pick = task(order);
    assertThat(pick.getDueDate()).isEqualTo(driver.at("2031-03-04T10:00")); // 8 working hours

    assertThat(driver.fireWhenDue(process.getId(), TASK_PICK_AND_PACK_ORDER, SlaStep.REMINDER)).isEqualTo(driver.at("2031-03-04T10:00"));

    String ofThisOrder = "(Order fulfillment " + order.id() + ")";
    assertThat(mailbox.awaitMails("wendy", "is due " + ofThisOrder, 1)).singleElement()
        .satisfies(mail -> assertThat(mail.subject()).isEqualTo("Reminder: \"Pick and pack order\" is due " + ofThisOrder));
    assertThat(taskService.getVariableLocal(pick.getId(), TasklistFilters.ESCALATED_VARIABLE)).isNull();

    assertThat(driver.fireWhenDue(process.getId(), TASK_PICK_AND_PACK_ORDER, SlaStep.ESCALATION))
        .isEqualTo(driver.at("2031-03-04T14:00")); // 4 working hours of grace

    assertThat(mailbox.awaitMails("will", "is overdue " + ofThisOrder, 1)).singleElement()
        .satisfies(mail -> assertThat(mail.subject()).isEqualTo("Escalated: \"Pick and pack order\" is overdue " + ofThisOrder));
    assertThat(taskService.getVariableLocal(pick.getId(), TasklistFilters.ESCALATED_VARIABLE)).isEqualTo(true);
    assertThat(mailbox.mailsTo("wendy", "is due " + ofThisOrder)).as("reminded once").hasSize(1);
    assertThat(process).isWaitingAt(TASK_PICK_AND_PACK_ORDER);
    assertThat(fixtures.order(order.id()).status()).isEqualTo(OrderStatus.PICKING);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "Task_ApproveOrder,      fred,  fiona, 2031-03-04T10:00, 2031-03-04T14:00", // 8 working hours, 4 of grace
      "Task_DecideOnBackorder, sam,   sarah, 2031-03-03T14:00, 2031-03-04T10:00", // 4 and 4
      "Task_ShipOrder,         wendy, will,  2031-03-03T14:00, 2031-03-04T10:00"})
  void everyOtherTaskIsRemindedAndEscalatedToItsTeamLead(String taskId, String member, String lead, String dueAt,
      String overdueAt) {
    OrderView order = orderWaitingAt(taskId);
    ProcessInstance process = process(order);
    Task task = task(order);
    String ofThisOrder = "(Order fulfillment " + order.id() + ")";
    assertThat(task.getDueDate()).isEqualTo(driver.at(dueAt));

    assertThat(driver.fireWhenDue(process.getId(), taskId, SlaStep.REMINDER)).isEqualTo(driver.at(dueAt));
    assertThat(mailbox.awaitMails(member, "is due " + ofThisOrder, 1)).singleElement()
        .satisfies(mail -> assertThat(mail.subject()).isEqualTo("Reminder: \"" + task.getName() + "\" is due " + ofThisOrder));
    assertThat(taskService.getVariableLocal(task.getId(), TasklistFilters.ESCALATED_VARIABLE)).isNull();

    assertThat(driver.fireWhenDue(process.getId(), taskId, SlaStep.ESCALATION)).isEqualTo(driver.at(overdueAt));
    assertThat(mailbox.awaitMails(lead, "is overdue " + ofThisOrder, 1)).singleElement()
        .satisfies(mail -> assertThat(mail.subject()).isEqualTo("Escalated: \"" + task.getName() + "\" is overdue " + ofThisOrder));
    assertThat(taskService.getVariableLocal(task.getId(), TasklistFilters.ESCALATED_VARIABLE)).isEqualTo(true);
    assertThat(mailbox.mailsTo(member, "is due " + ofThisOrder)).as("reminded once").hasSize(1);
    assertThat(process).isWaitingAt(taskId);
  }

  @Test
  void orderEnteredWithTheStartFormInTasklistIsRegisteredLikeAnOrderFromTheApi() {
    Product lamp = fixtures.product(10, "30.00");
    ResponseEntity<Map<String, Object>> started = fixtures.enterInTasklist(customer, lamp.sku(), 2);

    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String processInstanceId = (String) started.getBody().get("id");
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    long orderId = Long.parseLong(instance.getBusinessKey());
    OrderView order = fixtures.order(orderId);
    assertThat(order.processInstanceId()).isEqualTo(processInstanceId);
    assertThat(order.customerEmail()).isEqualTo(customer);
    assertThat(order.status()).isEqualTo(OrderStatus.PICKING);
    assertThat(order.lines()).singleElement().satisfies(line -> assertThat(line.quantity()).isEqualTo(2));
    assertThat(fixtures.reload(lamp).reserved()).isEqualTo(2);
    assertThat(runtimeService.getVariables(processInstanceId))
        .containsOnly(Map.entry(VAR_ORDER_ID, orderId), Map.entry(OrderFulfillment.VAR_ARTICLES_KNOWN, true),
            Map.entry(VAR_APPROVAL_NEEDED, false), Map.entry(VAR_IN_STOCK, true));
    assertThat(instance).hasPassed("StartEvent_OrderEntered", TASK_REGISTER_ORDER);
  }

  @Test
  void aShopOrderWithAnUnknownArticleWaitsForSalesWhoNameTheCatalogueArticleAndItGoesOn() {
    Product desk = fixtures.product(10, "100.00");
    Product lamp = fixtures.product(10, "20.00");

    ShopOrders.PlacedOrder placed = shopOrders.place("shop", new NewOrder(OrderFixtures.CUSTOMER, customer,
        List.of(new NewOrder.Line(desk.sku(), 1), new NewOrder.Line("SHOP-4711", 2))));

    OrderView order = fixtures.order(placed.orderId());
    assertThat(placed.status()).isEqualTo("NEEDS_ATTENTION");
    assertThat(placed.unknownSkus()).containsExactly("SHOP-4711");
    assertThat(order.status()).isEqualTo(OrderStatus.NEEDS_ATTENTION);
    assertThat(order.total()).isEqualByComparingTo("100.00");
    assertThat(process(order)).isWaitingAt(TASK_CORRECT_UNKNOWN_ARTICLES).task().hasCandidateGroup("sales")
        .hasDueDate(driver.at("2031-03-03T14:00"));
    assertThat(taskService.createTaskQuery().taskId(task(order).getId()).initializeFormKeys().singleResult()
        .getCamundaFormRef().getKey()).isEqualTo("correct-unknown-articles");
    assertThat((String) taskService.getVariableLocal(task(order).getId(), LOCAL_ORDER_SUMMARY))
        .contains("Not in the catalogue:** SHOP-4711");
    assertThat(fixtures.reload(desk).reserved()).isZero();

    fixtures.complete("sam", task(order).getId(), Map.of(FORM_SKU_CORRECTIONS, "SHOP-4711 = " + lamp.sku()));

    OrderView corrected = fixtures.order(order.id());
    assertThat(corrected.status()).isEqualTo(OrderStatus.PICKING);
    assertThat(corrected.total()).isEqualByComparingTo("140.00");
    assertThat(corrected.lines()).extracting(OrderView.LineView::sku).containsExactly(desk.sku(), lamp.sku());
    assertThat(fixtures.reload(lamp).reserved()).isEqualTo(2);
    assertThat(process(order)).hasPassed("Gateway_ArticlesKnown", TASK_CORRECT_UNKNOWN_ARTICLES, TASK_SEND_ORDER_CONFIRMATION)
        .isWaitingAt(TASK_PICK_AND_PACK_ORDER);
    assertThat(runtimeService.getVariables(order.processInstanceId())).doesNotContainKey(FORM_SKU_CORRECTIONS)
        .containsEntry(OrderFulfillment.VAR_ARTICLES_KNOWN, true);
  }

  @Test
  void aCorrectionThatLeavesAnArticleUnknownIsRefusedAndTheOrderKeepsWaiting() {
    ShopOrders.PlacedOrder placed = shopOrders.place("shop", new NewOrder(OrderFixtures.CUSTOMER, customer,
        List.of(new NewOrder.Line("SHOP-1", 1), new NewOrder.Line("SHOP-2", 1))));
    OrderView order = fixtures.order(placed.orderId());
    String correction = task(order).getId();

    ApiException noSuchProduct = refusalOf(() -> taskService.complete(correction,
        Map.of(FORM_SKU_CORRECTIONS, "SHOP-1 = NO-SUCH-SKU\nSHOP-2 = NO-SUCH-SKU")));
    ApiException oneMissing = refusalOf(() -> taskService.complete(correction,
        Map.of(FORM_SKU_CORRECTIONS, "SHOP-1 = " + fixtures.product(5, "1.00").sku())));

    assertThat(noSuchProduct.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noSuchProduct.getMessage()).isEqualTo(FORM_SKU_CORRECTIONS + ": no product has the SKU 'NO-SUCH-SKU'");
    assertThat(oneMissing.getMessage()).contains(FORM_SKU_CORRECTIONS, "name the catalogue's SKU for 'SHOP-2'");
    assertThat(process(order)).isWaitingAt(TASK_CORRECT_UNKNOWN_ARTICLES);
    assertThat(fixtures.order(order.id()).status()).isEqualTo(OrderStatus.NEEDS_ATTENTION);
  }

  @Test
  void aShopOrderWaitingForSalesCanBeCancelled() {
    ShopOrders.PlacedOrder placed = shopOrders.place("shop", new NewOrder(OrderFixtures.CUSTOMER, customer,
        List.of(new NewOrder.Line("SHOP-9", 1))));

    ResponseEntity<String> cancelled = fixtures.cancel("sam", placed.orderId());

    assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(fixtures.order(placed.orderId()).status()).isEqualTo(OrderStatus.CANCELLED);
  }

  // --- guards: the documented process is the one that happens ------------------------------------

  @Test
  void aSecondInstanceStartedByMessageForAnOrderAwaitingApprovalIsRefused() {
    refusedWhileAwaitingApproval(order -> () -> runtimeService.createMessageCorrelation(MESSAGE_ORDER_PLACED)
        .setVariables(Map.of(VAR_ORDER_ID, order.id(), OrderFulfillment.VAR_ARTICLES_KNOWN, true, VAR_APPROVAL_NEEDED, false))
        .correlateStartMessage(),
        "order %d belongs to another process instance");
  }

  @Test
  void anInstanceStartedBeforeReserveStockForAnotherOrderIsRefused() {
    refusedWhileAwaitingApproval(order -> () -> runtimeService.createProcessInstanceByKey(PROCESS_KEY)
        .startBeforeActivity(TASK_RESERVE_STOCK).setVariable(VAR_ORDER_ID, order.id()).execute(),
        "order %d belongs to another process instance");
  }

  @Test
  void anOrderAwaitingApprovalIsNotReservedEvenByItsOwnInstance() {
    refusedWhileAwaitingApproval(order -> () -> runtimeService.createProcessInstanceModification(order.processInstanceId())
        .startBeforeActivity(TASK_RESERVE_STOCK).execute(),
        "order %d is AWAITING_APPROVAL and cannot be reserved (only from BACKORDERED, RECEIVED)");
  }

  @Test
  void anOrderIsNotRejectedWithoutFinancesRejection() {
    refusedWhileAwaitingApproval(order -> () -> runtimeService.createProcessInstanceModification(order.processInstanceId())
        .startBeforeActivity("Task_RejectOrder").execute(),
        "order %d is AWAITING_APPROVAL and cannot be rejected: finance has not rejected it");
  }

  @Test
  void pickingCompletedWithAnotherOrdersIdIsRefusedAndChangesNothing() {
    Product lamp = fixtures.product(10, "20.00");
    OrderView picked = fixtures.place(newOrder(customer, lamp, 1));
    OrderView other = fixtures.place(newOrder(customer, lamp, 2));
    String pick = task(picked).getId();

    ApiException refusal = refusalOf(() -> taskService.complete(pick,
        Map.of(FORM_ITEMS_MISSING, false, VAR_ORDER_ID, other.id())));

    assertThat(refusal.status()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refusal.getMessage()).isEqualTo("order " + other.id() + " belongs to another process instance");
    assertThat(fixtures.order(picked.id()).status()).isEqualTo(OrderStatus.PICKING);
    assertThat(fixtures.order(other.id()).status()).isEqualTo(OrderStatus.PICKING);
    assertThat(process(picked)).isWaitingAt(TASK_PICK_AND_PACK_ORDER);
    assertThat(runtimeService.getVariable(picked.processInstanceId(), VAR_ORDER_ID)).isEqualTo(picked.id());
    assertThat(fixtures.reload(lamp).reserved()).isEqualTo(3);
  }

  /** Instances of versions deployed before the notice was named in the expression run the one-argument step. */
  @Test
  void aSendTaskOfAnEarlierVersionSendsTheNoticeOfItsInput() {
    OrderView order = fixtures.place(newOrder(customer, fixtures.product(5, "10.00"), 1));

    ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> {
          ExecutionEntity instance = context.getExecutionManager().findExecutionById(order.processInstanceId());
          instance.setVariableLocal(OrderFulfillment.LOCAL_NOTICE, CustomerNotice.REJECTION.name());
          orderSteps.sendCustomerNotice(instance);
          return null;
        });

    mailbox.awaitMails(customer, "We cannot accept your order " + order.id(), 1);
  }

  @Test
  void aBackorderDecisionOtherThanWaitOrCancelIsRefusedAndChangesNothing() {
    Product printer = fixtures.product(0, "150.00");
    OrderView order = fixtures.place(newOrder(customer, printer, 1));
    String decision = task(order).getId();

    ApiException refusal = refusalOf(() -> taskService.complete(decision, Map.of(FORM_BACKORDER_DECISION, "maybe")));

    assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refusal.getMessage()).contains(FORM_BACKORDER_DECISION, "must be 'wait' or 'cancel', not 'maybe'");
    assertThat(process(order)).isWaitingAt(TASK_DECIDE_ON_BACKORDER);
    assertThat(runtimeService.getVariables(order.processInstanceId())).doesNotContainKeys(FORM_BACKORDER_DECISION, VAR_WAIT_FOR_STOCK);
    assertThat(fixtures.order(order.id()).status()).isEqualTo(OrderStatus.BACKORDERED);
  }

  @Test
  void whoPlacedAnOrderMayNotDecideOnItsApprovalAnotherMemberOfFinanceMay() {
    Product desk = fixtures.product(10, "600.00");
    OrderView order = fixtures.as("admin").postForObject("/api/orders", newOrder(customer, desk, 2), OrderView.class);
    String approval = task(order).getId();

    ApiException refusal = refusalOf(() -> driver.asUser("admin", () -> {
      taskService.complete(approval, Map.of(FORM_APPROVAL_DECISION, APPROVE));
      return null;
    }));

    assertThat(refusal.status()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refusal.getMessage()).isEqualTo("admin placed order " + order.id()
        + " and may not decide on its approval; another member of finance must");
    assertThat(process(order)).isWaitingAt(TASK_APPROVE_ORDER);
    assertThat(orders.findById(order.id()).orElseThrow().approved()).isNull();

    fixtures.complete("fred", approval, Map.of(FORM_APPROVAL_DECISION, APPROVE));

    Order approved = orders.findById(order.id()).orElseThrow();
    assertThat(approved.placedBy()).isEqualTo("admin");
    assertThat(approved.approved()).isTrue();
    assertThat(approved.approvalDecidedBy()).isEqualTo("fred");
    assertThat(approved.approvalDecidedAt()).isEqualTo(driver.at("2031-03-03T10:00").toInstant());
    assertThat(approved.status()).isEqualTo(OrderStatus.PICKING);
  }

  /**
   * Places an order that waits for finance, tries {@code attempt} on it and expects a 409 with the
   * message (formatted with the order id); the order, its stock and its one instance are unchanged.
   */
  private void refusedWhileAwaitingApproval(Function<OrderView, ThrowingCallable> attempt, String message) {
    Product desk = fixtures.product(10, "600.00");
    OrderView order = fixtures.place(newOrder(customer, desk, 2));

    ApiException refusal = refusalOf(attempt.apply(order));

    assertThat(refusal.status()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refusal.getMessage()).isEqualTo(message.formatted(order.id()));
    assertThat(fixtures.order(order.id()).status()).isEqualTo(OrderStatus.AWAITING_APPROVAL);
    assertThat(fixtures.reload(desk).reserved()).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .variableValueEquals(VAR_ORDER_ID, order.id()).list()).extracting(ProcessInstance::getId)
        .containsExactly(order.processInstanceId());
    assertThat(process(order)).isWaitingAt(TASK_APPROVE_ORDER);
  }

  private OrderView orderWaitingAt(String taskId) {
    return switch (taskId) {
      case TASK_APPROVE_ORDER -> fixtures.place(newOrder(customer, fixtures.product(5, "800.00"), 2));
      case TASK_DECIDE_ON_BACKORDER -> fixtures.place(newOrder(customer, fixtures.product(0, "10.00"), 1));
      case TASK_SHIP_ORDER -> {
        OrderView order = fixtures.place(newOrder(customer, fixtures.product(5, "10.00"), 1));
        fixtures.complete("wendy", task(order).getId(), Map.of(FORM_ITEMS_MISSING, false));
        yield order;
      }
      default -> throw new IllegalArgumentException(taskId);
    };
  }

  /** The order's running process instance; assertions on it keep working after it ended. */
  private ProcessInstance process(OrderView order) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(order.processInstanceId()).singleResult();
  }

  private Task task(OrderView order) {
    return taskService.createTaskQuery().processInstanceId(order.processInstanceId()).singleResult();
  }

}
