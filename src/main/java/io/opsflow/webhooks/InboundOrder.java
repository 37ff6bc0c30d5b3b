package io.opsflow.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A webshop's order as Opsflow received it: once per source and external id (the unique
 * constraint makes a concurrent second delivery fail instead of placing the order twice), with the
 * answer of the first delivery, which every later one gets again.
 */
@Entity
@Table(name = "webhook_inbound_order",
    uniqueConstraints = @UniqueConstraint(name = "uk_webhook_inbound_order", columnNames = {"source", "external_id"}))
class InboundOrder {

  private static final String SEPARATOR = ",";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 40)
  private String source;

  @Column(name = "external_id", nullable = false, length = 100)
  private String externalId;

  @Column(name = "order_id", nullable = false)
  private long orderId;

  /** The order's status when it was placed. */
  @Column(name = "order_status", nullable = false, length = 20)
  private String orderStatus;

  @Column(name = "unknown_skus", length = 4000)
  private String unknownSkus;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  protected InboundOrder() {}

  InboundOrder(String source, String externalId, long orderId, String orderStatus, List<String> unknownSkus,
      Instant receivedAt) {
    this.source = source;
    this.externalId = externalId;
    this.orderId = orderId;
    this.orderStatus = orderStatus;
    this.unknownSkus = unknownSkus.isEmpty() ? null : String.join(SEPARATOR, unknownSkus);
    this.receivedAt = receivedAt;
  }

  InboundOrderView view() {
    return new InboundOrderView(source, externalId, orderId, orderStatus,
        unknownSkus == null ? List.of() : Arrays.asList(unknownSkus.split(SEPARATOR)), receivedAt);
  }
}
