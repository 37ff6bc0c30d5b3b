package io.opsflow.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes an event's deliveries, one per subscription that wants it, in the transaction of the
 * event: none is lost when it commits, none is sent when it rolls back. They are sent after the
 * commit ({@link WebhookDispatcher}).
 */
@Service
class WebhookOutbox {

  /** How long a fresh delivery is left to the after-commit sender before the sweep takes it. */
  static final Duration FIRST_ATTEMPT_GRACE = Duration.ofSeconds(30);

  private final WebhookSubscriptionRepository subscriptions;
  private final WebhookDeliveryRepository deliveries;
  private final ObjectMapper json;
  private final ApplicationEventPublisher events;

  WebhookOutbox(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries, ObjectMapper json,
      ApplicationEventPublisher events) {
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
    this.json = json;
    this.events = events;
  }

  /**
   * Queues the event for every subscription of its type: {@code data} (a record, written as JSON)
   * for {@link DeliveryFormat#JSON}, {@code text} for {@link DeliveryFormat#TEXT}. Returns the
   * event id, the same for every subscription, or null when no one subscribed.
   */
  @Transactional
  public String publish(WebhookEvent event, Object data, String text) {
    List<WebhookSubscription> subscribed = subscriptions.findAllByOrderById().stream()
        .filter(subscription -> subscription.wants(event)).toList();
    if (subscribed.isEmpty()) {
      return null;
    }
    String eventId = UUID.randomUUID().toString();
    Instant now = Instant.now();
    for (WebhookSubscription subscription : subscribed) {
      String payload = subscription.format() == DeliveryFormat.TEXT ? write(Map.of("text", text))
          : write(envelope(eventId, event, now, data));
      WebhookDelivery delivery = deliveries.save(
          new WebhookDelivery(subscription, eventId, event, payload, now, now.plus(FIRST_ATTEMPT_GRACE)));
      events.publishEvent(new DeliveryQueued(delivery.id()));
    }
    return eventId;
  }

  private static Map<String, Object> envelope(String eventId, WebhookEvent event, Instant now, Object data) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("id", eventId);
    envelope.put("type", event.type());
    envelope.put("occurredAt", now);
    envelope.put("data", data);
    return envelope;
  }

  private String write(Object body) {
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
