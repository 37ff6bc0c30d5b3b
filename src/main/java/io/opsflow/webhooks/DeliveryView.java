package io.opsflow.webhooks;

import java.time.Instant;

/** A line of the delivery log. */
record DeliveryView(long id, long subscriptionId, String url, String eventId, WebhookEvent eventType,
    DeliveryStatus status, int attempts, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt,
    String lastAnswer) {

  static DeliveryView of(WebhookDelivery delivery) {
    boolean waiting = DeliveryStatus.RETRYABLE.contains(delivery.status());
    return new DeliveryView(delivery.id(), delivery.subscription().id(), delivery.subscription().url(),
        delivery.eventId(), delivery.eventType(), delivery.status(), delivery.attempts(), delivery.createdAt(),
        waiting ? delivery.nextAttemptAt() : null, delivery.deliveredAt(), delivery.lastAnswer());
  }
}
