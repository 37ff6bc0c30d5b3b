package io.opsflow.orders;

import java.time.Instant;

/** Published in the transaction of "Cancel order" (backorder or cancellation requested): the order is closed. */
public record OrderCancelled(long orderId, String customerName, String customerEmail, Instant cancelledAt) {}
