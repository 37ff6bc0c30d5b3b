package io.opsflow.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * A subscription as the API shows it; the secret only in the answer that created it.
 */
record SubscriptionView(long id, String url, List<WebhookEvent> events, DeliveryFormat format, String description,
    String createdBy, Instant createdAt, String secret) {

  static SubscriptionView of(WebhookSubscription subscription) {
    return new SubscriptionView(subscription.id(), subscription.url(), subscription.events(), subscription.format(),
        subscription.description(), subscription.createdBy(), subscription.createdAt(), null);
  }

  static SubscriptionView withSecret(WebhookSubscription subscription) {
    SubscriptionView view = of(subscription);
    return new SubscriptionView(view.id(), view.url(), view.events(), view.format(), view.description(), view.createdBy(),
        view.createdAt(), subscription.secret());
  }
}
