package io.opsflow.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as the API shows it. */
record OrderView(long id, String processInstanceId, OrderStatus status, String customerName,
    String customerEmail, List<LineView> lines, BigDecimal total, Carrier carrier, String trackingNumber,
    Instant placedAt, Instant updatedAt, Instant shippedAt) {

  record LineView(String sku, String name, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {}

  static OrderView of(Order order) {
    return new OrderView(order.id(), order.processInstanceId(), order.status(), order.customerName(),
        order.customerEmail(), order.lines().stream().map(line -> new LineView(line.sku(), line.productName(),
            line.quantity(), line.unitPrice(), line.lineTotal())).toList(),
        order.total(), order.carrier(), order.trackingNumber(), order.placedAt(), order.updatedAt(),
        order.shippedAt());
  }
}
