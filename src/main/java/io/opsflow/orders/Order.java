package io.opsflow.orders;

import io.opsflow.platform.ApiException;
import io.opsflow.platform.OwnInstance;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A customer's order. Its status follows the process; each change goes through a method that
 * refuses (409) the moves the process never makes, and the steps of the process reach it only
 * through its own process instance ({@link #requireProcessInstance}). The version guards every
 * change against a concurrent one (a cancellation racing the shipment, a reservation released
 * twice).
 */
@Entity
@Table(name = "customer_order")
class Order {

  /** Where "Reserve stock" starts from: received (approval not needed, or given) or back-ordered. */
  private static final Set<OrderStatus> RESERVABLE = Set.of(OrderStatus.RECEIVED, OrderStatus.BACKORDERED);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "customer_name", nullable = false)
  private String customerName;

  @Column(name = "customer_email", nullable = false)
  private String customerEmail;

  @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  @BatchSize(size = 50)
  private List<OrderLine> lines = new ArrayList<>();

  @Column(nullable = false, precision = 14, scale = 2)
  private BigDecimal total;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 20)
  private OrderStatus status;

  /** Whether this order holds reserved stock right now; cleared exactly once, on release or shipment. */
  @Column(name = "stock_reserved", nullable = false)
  private boolean stockReserved;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(length = 10)
  private Carrier carrier;

  @Column(name = "tracking_number", length = 35)
  private String trackingNumber;

  @Column(name = "process_instance_id", length = 64)
  private String processInstanceId;

  @Column(name = "placed_at", nullable = false)
  private Instant placedAt;

  /** The user who placed the order (API) or entered it (Tasklist); null when the engine did. */
  @Column(name = "placed_by", length = 64)
  private String placedBy;

  /** Finance's decision on an order above the approval threshold: null until decided. */
  @Column(name = "approved")
  private Boolean approved;

  @Column(name = "approval_decided_by", length = 64)
  private String approvalDecidedBy;

  @Column(name = "approval_decided_at")
  private Instant approvalDecidedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "shipped_at")
  private Instant shippedAt;

  @Version
  private Long version;

  /** The largest total the column holds (14 digits, 2 after the point). */
  static final BigDecimal MAX_TOTAL = new BigDecimal("999999999999.99");

  protected Order() {}

  /** A new order; above the approval threshold it waits for finance. */
  Order(String customerName, String customerEmail, List<OrderLine> lines, BigDecimal approvalThreshold,
      String placedBy, Instant now) {
    this.customerName = customerName;
    this.customerEmail = customerEmail;
    lines.forEach(line -> {
      line.belongTo(this);
      this.lines.add(line);
    });
    OrderStatus priced = priced(approvalThreshold);
    this.status = lines.stream().allMatch(OrderLine::isKnownArticle) ? priced : OrderStatus.NEEDS_ATTENTION;
    this.placedAt = now;
    this.placedBy = placedBy;
    this.updatedAt = now;
  }

  /**
   * Sums the lines (an unknown article counts 0 until corrected); the status of a complete order:
   * above the approval threshold it waits for finance.
   */
  private OrderStatus priced(BigDecimal approvalThreshold) {
    total = lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (total.compareTo(MAX_TOTAL) > 0) {
      throw ApiException.badField("lines", "the order total " + total.toPlainString() + " is above " + MAX_TOTAL.toPlainString()
          + ", the largest total one order can have; split it");
    }
    return total.compareTo(approvalThreshold) > 0 ? OrderStatus.AWAITING_APPROVAL : OrderStatus.RECEIVED;
  }

  boolean needsAttention() {
    return status == OrderStatus.NEEDS_ATTENTION;
  }

  /** The lines with articles the catalogue did not know when the webshop sent the order. */
  List<OrderLine> unknownArticles() {
    return lines.stream().filter(line -> !line.isKnownArticle()).toList();
  }

  /**
   * "Correct unknown articles": every unknown line gets the catalogue's article sales named for
   * its SKU; the order is priced and received (or waits for finance above the threshold).
   */
  void articlesCorrected(Map<String, Product> bySku, BigDecimal approvalThreshold, Instant now) {
    requireStatus(Set.of(OrderStatus.NEEDS_ATTENTION), "have its articles corrected");
    for (OrderLine line : unknownArticles()) {
      line.correctedTo(bySku.get(line.sku()));
    }
    move(Set.of(OrderStatus.NEEDS_ATTENTION), priced(approvalThreshold), "have its articles corrected", now);
  }

  Long id() {
    return id;
  }

  String customerName() {
    return customerName;
  }

  String customerEmail() {
    return customerEmail;
  }

  List<OrderLine> lines() {
    return List.copyOf(lines);
  }

  Optional<OrderLine> line(String sku) {
    return lines.stream().filter(line -> line.sku().equals(sku)).findFirst();
  }

  BigDecimal total() {
    return total;
  }

  OrderStatus status() {
    return status;
  }

  boolean awaitsApproval() {
    return status == OrderStatus.AWAITING_APPROVAL;
  }

  Carrier carrier() {
    return carrier;
  }

  String trackingNumber() {
    return trackingNumber;
  }

  String processInstanceId() {
    return processInstanceId;
  }

  Instant placedAt() {
    return placedAt;
  }

  String placedBy() {
    return placedBy;
  }

  Boolean approved() {
    return approved;
  }

  String approvalDecidedBy() {
    return approvalDecidedBy;
  }

  Instant approvalDecidedAt() {
    return approvalDecidedAt;
  }

  Instant updatedAt() {
    return updatedAt;
  }

  Instant shippedAt() {
    return shippedAt;
  }

  void startedAs(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  /**
   * Refuses a step of any process instance but this order's own. The instance id is null only
   * inside the transaction that places the order through the API, where the instance's first
   * steps run before the start returns its id.
   */
  void requireProcessInstance(String stepProcessInstanceId) {
    OwnInstance.require("order", id, processInstanceId, stepProcessInstanceId);
  }

  /** Finance's decision, once: an approved order is received and its stock reserved next. */
  void approvalDecided(boolean approve, String by, Instant now) {
    requireStatus(Set.of(OrderStatus.AWAITING_APPROVAL), approve ? "be approved" : "be rejected");
    if (approved != null) {
      throw ApiException.conflict("order " + id + " was already " + (approved ? "approved" : "rejected") + " by "
          + approvalDecidedBy);
    }
    approved = approve;
    approvalDecidedBy = by;
    approvalDecidedAt = now;
    if (approve) {
      move(Set.of(OrderStatus.AWAITING_APPROVAL), OrderStatus.RECEIVED, "be approved", now);
    }
  }

  void reject(Instant now) {
    if (!Boolean.FALSE.equals(approved)) {
      throw ApiException.conflict("order " + id + " is " + status + " and cannot be rejected: finance has not rejected it");
    }
    move(Set.of(OrderStatus.AWAITING_APPROVAL), OrderStatus.REJECTED, "be rejected", now);
  }

  void requireReservable() {
    requireStatus(RESERVABLE, "be reserved");
  }

  void reserved(Instant now) {
    move(RESERVABLE, OrderStatus.PICKING, "be reserved", now);
    stockReserved = true;
  }

  /** "Reserve stock" found not everything in stock. */
  void backordered(Instant now) {
    move(RESERVABLE, OrderStatus.BACKORDERED, "be back-ordered", now);
  }

  /** "Record shortage": the picker found items missing. */
  void itemsMissing(Instant now) {
    move(Set.of(OrderStatus.PICKING), OrderStatus.BACKORDERED, "be back-ordered for missing items", now);
  }

  /** Ends the reservation; true only for the one call that actually held it. */
  boolean endReservation() {
    boolean held = stockReserved;
    stockReserved = false;
    return held;
  }

  void packed(Instant now) {
    move(Set.of(OrderStatus.PICKING), OrderStatus.SHIPPING, "be packed", now);
  }

  void shipped(Carrier carrier, String trackingNumber, Instant now) {
    move(Set.of(OrderStatus.SHIPPING), OrderStatus.SHIPPED, "be shipped", now);
    this.carrier = carrier;
    this.trackingNumber = trackingNumber;
    this.shippedAt = now;
  }

  void cancel(Instant now) {
    move(OrderStatus.OPEN, OrderStatus.CANCELLED, "be cancelled", now);
  }

  private void move(Set<OrderStatus> from, OrderStatus to, String transition, Instant now) {
    requireStatus(from, transition);
    status = to;
    updatedAt = now;
  }

  /** "order 12 is AWAITING_APPROVAL and cannot be reserved (only from BACKORDERED, RECEIVED)" as a 409. */
  private void requireStatus(Set<OrderStatus> from, String transition) {
    if (!from.contains(status)) {
      throw ApiException.conflict("order " + id + " is " + status + " and cannot " + transition + " (only from "
          + from.stream().map(Enum::name).sorted().collect(Collectors.joining(", ")) + ")");
    }
  }
}
