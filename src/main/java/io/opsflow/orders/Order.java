package io.opsflow.orders;

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
import java.util.Optional;
import java.util.Set;
import org.hibernate.annotations.BatchSize;

/**
 * A customer's order. Its status follows the process; each change goes through a method that
 * refuses the moves the process never makes. The version guards every change against a
 * concurrent one (a cancellation racing the shipment, a reservation released twice).
 */
@Entity
@Table(name = "customer_order")
class Order {

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
  @Column(nullable = false, length = 20)
  private OrderStatus status;

  /** Whether this order holds reserved stock right now; cleared exactly once, on release or shipment. */
  @Column(name = "stock_reserved", nullable = false)
  private boolean stockReserved;

  @Enumerated(EnumType.STRING)
  @Column(length = 10)
  private Carrier carrier;

  @Column(name = "tracking_number", length = 35)
  private String trackingNumber;

  @Column(name = "process_instance_id", length = 64)
  private String processInstanceId;

  @Column(name = "placed_at", nullable = false)
  private Instant placedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "shipped_at")
  private Instant shippedAt;

  @Version
  private Long version;

  protected Order() {}

  /** A new order; above the approval threshold it waits for finance. */
  Order(String customerName, String customerEmail, List<OrderLine> lines, BigDecimal approvalThreshold, Instant now) {
    this.customerName = customerName;
    this.customerEmail = customerEmail;
    lines.forEach(line -> {
      line.belongTo(this);
      this.lines.add(line);
    });
    this.total = lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    this.status = total.compareTo(approvalThreshold) > 0 ? OrderStatus.AWAITING_APPROVAL : OrderStatus.RECEIVED;
    this.placedAt = now;
    this.updatedAt = now;
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

  boolean stockReserved() {
    return stockReserved;
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

  Instant updatedAt() {
    return updatedAt;
  }

  Instant shippedAt() {
    return shippedAt;
  }

  void startedAs(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void reject(Instant now) {
    move(Set.of(OrderStatus.AWAITING_APPROVAL), OrderStatus.REJECTED, now);
  }

  void reserved(Instant now) {
    move(Set.of(OrderStatus.RECEIVED, OrderStatus.AWAITING_APPROVAL, OrderStatus.BACKORDERED), OrderStatus.PICKING,
        now);
    stockReserved = true;
  }

  void backordered(Instant now) {
    move(Set.of(OrderStatus.RECEIVED, OrderStatus.AWAITING_APPROVAL, OrderStatus.BACKORDERED, OrderStatus.PICKING),
        OrderStatus.BACKORDERED, now);
  }

  /** Ends the reservation; true only for the one call that actually held it. */
  boolean endReservation() {
    boolean held = stockReserved;
    stockReserved = false;
    return held;
  }

  void packed(Instant now) {
    move(Set.of(OrderStatus.PICKING), OrderStatus.SHIPPING, now);
  }

  void shipped(Carrier carrier, String trackingNumber, Instant now) {
    move(Set.of(OrderStatus.SHIPPING), OrderStatus.SHIPPED, now);
    this.carrier = carrier;
    this.trackingNumber = trackingNumber;
    this.shippedAt = now;
  }

  void cancel(Instant now) {
    if (status.isClosed()) {
      throw new IllegalStateException("order " + id + " is " + status + " and cannot be cancelled");
    }
    status = OrderStatus.CANCELLED;
    updatedAt = now;
  }

  private void move(Set<OrderStatus> from, OrderStatus to, Instant now) {
    if (!from.contains(status)) {
      throw new IllegalStateException("order " + id + " cannot become " + to + " from " + status);
    }
    status = to;
    updatedAt = now;
  }
}
