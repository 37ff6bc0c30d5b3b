package io.opsflow.orders;

import static io.opsflow.orders.OrderFulfillment.MESSAGE_CANCEL_ORDER;
import static io.opsflow.orders.OrderFulfillment.MESSAGE_ORDER_PLACED;
import static io.opsflow.orders.OrderFulfillment.businessKey;

import io.opsflow.platform.ApiException;
import io.opsflow.platform.EngineIdentity;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Orders from registration to shipment or cancellation; the steps of the process call it. */
@Service
class OrderService {

  private final OrderRepository orders;
  private final ProductRepository products;
  private final Inventory inventory;
  private final OrderAccess access;
  private final OrderProperties properties;
  private final RuntimeService runtimeService;
  private final Validator validator;
  private final EngineIdentity engineIdentity;
  private final ApplicationEventPublisher events;

  OrderService(OrderRepository orders, ProductRepository products, Inventory inventory, OrderAccess access,
      OrderProperties properties, RuntimeService runtimeService, Validator validator, EngineIdentity engineIdentity,
      ApplicationEventPublisher events) {
    this.orders = orders;
    this.products = products;
    this.inventory = inventory;
    this.access = access;
    this.properties = properties;
    this.runtimeService = runtimeService;
    this.validator = validator;
    this.engineIdentity = engineIdentity;
    this.events = events;
  }

  /**
   * Registers the order and starts its fulfillment ("Order placed"), in one transaction: an
   * invalid order stores nothing and starts nothing.
   */
  @Transactional
  public OrderView place(NewOrder newOrder) {
    access.requirePlacer();
    Order order = register(newOrder, false, engineIdentity.currentUserId());
    start(order);
    return OrderView.of(order);
  }

  /**
   * An order a webshop sent ({@link ShopOrders}): placed like {@link #place}, by no user, and
   * never refused for an article the catalogue does not know (the shop has taken the money):
   * such an order waits in "Correct unknown articles" for sales.
   */
  @Transactional
  public Order placeFromShop(NewOrder newOrder, String placedBy) {
    Order order = register(newOrder, true, placedBy);
    engineIdentity.asEngine(() -> {
      start(order);
      return null;
    });
    return order;
  }

  private void start(Order order) {
    ProcessInstance instance = runtimeService.createMessageCorrelation(MESSAGE_ORDER_PLACED)
        .processInstanceBusinessKey(businessKey(order.id()))
        .setVariables(OrderFulfillment.startVariables(order))
        .correlateStartMessage();
    order.startedAs(instance.getId());
  }

  /** "Register order": an order entered with the start form in Tasklist, placed by the user who entered it. */
  @Transactional
  public Order registerEntered(NewOrder newOrder, String processInstanceId) {
    Order order = register(newOrder, false, engineIdentity.currentUserId());
    order.startedAs(processInstanceId);
    return order;
  }

  @Transactional(readOnly = true)
  public OrderView find(long orderId) {
    access.requireReader();
    return OrderView.of(orders.require(orderId));
  }

  /** The latest 200 orders, of one status or all. */
  @Transactional(readOnly = true)
  public List<OrderView> list(OrderStatus status) {
    access.requireReader();
    List<Order> found = status == null ? orders.findTop200ByOrderByIdDesc()
        : orders.findTop200ByStatusOrderByIdDesc(status);
    return found.stream().map(OrderView::of).toList();
  }

  /**
   * Asks the process to cancel the order; it releases the stock and tells the customer. Refused
   * once the order has shipped (or was closed otherwise). Concurrent requests for one order
   * queue up on its row, so only the first one cancels.
   */
  @Transactional
  public OrderView requestCancellation(long orderId) {
    access.requireCanceller();
    Order order = orders.lock(orderId);
    if (order.status().isClosed()) {
      throw ApiException.conflict("order " + orderId + " is " + order.status() + " and can no longer be cancelled");
    }
    try {
      engineIdentity.asEngine(() -> runtimeService.createMessageCorrelation(MESSAGE_CANCEL_ORDER)
          .processInstanceBusinessKey(businessKey(orderId)).correlateWithResult());
    } catch (MismatchingMessageCorrelationException e) {
      throw ApiException.conflict("order " + orderId + " is not running any more and cannot be cancelled");
    }
    return OrderView.of(order);
  }

  /**
   * "Approve order" completed: records finance's decision ({@link OrderFulfillment#APPROVE} or
   * {@link OrderFulfillment#REJECT}) and who took it; returns whether it approves. Four eyes: the
   * user who placed the order may not decide on it. {@code assignee} stands for the decider when
   * no user is logged in (the engine or a test completes the task).
   */
  @Transactional
  public boolean decideApproval(long orderId, String processInstanceId, String decision, String assignee) {
    Order order = orders.requireIn(orderId, processInstanceId);
    boolean approve = OrderFulfillment.APPROVE.equals(decision);
    if (!approve && !OrderFulfillment.REJECT.equals(decision)) {
      throw ApiException.badField(OrderFulfillment.FORM_APPROVAL_DECISION, "must be '" + OrderFulfillment.APPROVE
          + "' or '" + OrderFulfillment.REJECT + "', not '" + decision + "'");
    }
    String user = engineIdentity.currentUserId();
    if (user != null && user.equals(order.placedBy())) {
      throw new ApiException(HttpStatus.FORBIDDEN, user + " placed order " + orderId
          + " and may not decide on its approval; another member of finance must");
    }
    order.approvalDecided(approve, user != null ? user : assignee, now());
    return approve;
  }

  /** "Reject order": finance said no. */
  @Transactional
  public void reject(long orderId, String processInstanceId) {
    orders.requireIn(orderId, processInstanceId).reject(now());
  }

  /** "Cancel order": releases the reserved stock, if any, and closes the order. */
  @Transactional
  public void cancel(long orderId, String processInstanceId) {
    Order order = orders.requireIn(orderId, processInstanceId);
    order.cancel(now());
    inventory.release(order);
    events.publishEvent(new OrderCancelled(order.id(), order.customerName(), order.customerEmail(), order.updatedAt()));
  }

  /** "Pick and pack order" done without a shortage. */
  @Transactional
  public void packed(long orderId, String processInstanceId) {
    orders.requireIn(orderId, processInstanceId).packed(now());
  }

  /** "Record shipment": the parcel left with the carrier; its reserved stock leaves the warehouse. */
  @Transactional
  public void ship(long orderId, String processInstanceId, String carrier, String trackingNumber) {
    Carrier validCarrier = Carrier.of(carrier);
    String validTrackingNumber = Carrier.trackingNumber(trackingNumber);
    Order order = orders.requireIn(orderId, processInstanceId);
    order.shipped(validCarrier, validTrackingNumber, now());
    inventory.takeOut(order);
    events.publishEvent(new OrderShipped(order.id(), order.customerName(), order.customerEmail(), validCarrier.name(),
        validTrackingNumber, order.shippedAt()));
  }

  /** The order as an employee reads it in a task form (Markdown), for a task of its own process instance. */
  @Transactional(readOnly = true)
  public String summary(long orderId, String processInstanceId) {
    return OrderSummary.markdown(orders.requireIn(orderId, processInstanceId));
  }

  /**
   * "Correct unknown articles" completed: {@code corrections} names, for each unknown SKU of the
   * order, the catalogue's SKU it stands for (one {@code SHOP-SKU = OUR-SKU} per line). Every
   * unknown article needs one; returns the order, priced.
   */
  @Transactional
  public Order correctArticles(long orderId, String processInstanceId, String corrections) {
    Order order = orders.requireIn(orderId, processInstanceId);
    String field = OrderFulfillment.FORM_SKU_CORRECTIONS;
    Map<String, String> named = new HashMap<>();
    for (String line : (corrections == null ? "" : corrections).split("[\\r\\n,;]+")) {
      if (line.isBlank()) {
        continue;
      }
      String[] pair = line.split("=", -1);
      if (pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
        throw ApiException.badField(field, "'" + line.strip() + "' is not SHOP-SKU = OUR-SKU");
      }
      named.put(pair[0].strip(), pair[1].strip());
    }
    Set<String> onOrder = new HashSet<>();
    order.lines().stream().filter(OrderLine::isKnownArticle).forEach(line -> onOrder.add(line.sku()));
    Map<String, Product> bySku = new HashMap<>();
    for (OrderLine line : order.unknownArticles()) {
      String ours = named.get(line.sku());
      if (ours == null) {
        throw ApiException.badField(field, "name the catalogue's SKU for '" + line.sku() + "' (" + line.sku() + " = OUR-SKU)");
      }
      Product product = products.findById(ours)
          .orElseThrow(() -> ApiException.badField(field, "no product has the SKU '" + ours + "'"));
      if (!onOrder.add(ours)) {
        throw ApiException.badField(field, "'" + ours + "' is on the order already; cancel the order and let the customer order again");
      }
      bySku.put(line.sku(), product);
    }
    order.articlesCorrected(bySku, properties.approvalThreshold(), now());
    return order;
  }

  private Order register(NewOrder newOrder, boolean acceptUnknownArticles, String placedBy) {
    Set<ConstraintViolation<NewOrder>> violations = validator.validate(newOrder);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    // one select for all lines; not locked: "Reserve stock" locks them (in SKU order) and reads them again
    Map<String, Product> catalogue = products.findAllById(newOrder.lines().stream().map(line -> line.sku().strip()).toList())
        .stream().collect(Collectors.toMap(Product::sku, Function.identity()));
    List<OrderLine> lines = new ArrayList<>();
    Set<String> skus = new HashSet<>();
    for (int i = 0; i < newOrder.lines().size(); i++) {
      NewOrder.Line line = newOrder.lines().get(i);
      String sku = line.sku().strip();
      String field = "lines[" + i + "].sku";
      if (!skus.add(sku)) {
        throw ApiException.badField(field, "'" + sku + "' is on more than one line; put the whole quantity on one");
      }
      Optional<Product> product = Optional.ofNullable(catalogue.get(sku));
      if (product.isEmpty() && !acceptUnknownArticles) {
        throw ApiException.badField(field, "no product has the SKU '" + sku + "'");
      }
      lines.add(product.map(known -> new OrderLine(known, line.quantity()))
          .orElseGet(() -> OrderLine.unknownArticle(sku, line.quantity())));
    }
    return orders.save(new Order(newOrder.customerName().strip(), newOrder.customerEmail().strip(), lines,
        properties.approvalThreshold(), placedBy, now()));
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
