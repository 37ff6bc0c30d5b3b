package io.opsflow.orders;

import java.time.Instant;

/**
 * Published in the transaction of "Record shipment": the order has left with the carrier. Other
 * modules (webhooks) listen in that transaction, so what they write commits or rolls back with it.
 */
public record OrderShipped(long orderId, String customerName, String customerEmail, String carrier,
    String trackingNumber, Instant shippedAt) {}
