package io.opsflow.webhooks;

import io.opsflow.notify.Attempt;
import io.opsflow.notify.Backoff;
import io.opsflow.notify.OutboxSender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the webhook outbox ({@link OutboxSender}): each delivery right after the transaction of
 * its event commits, and, by the sweep, every delivery due again after a failure ({@link Backoff}
 * from {@code opsflow.webhooks.outbound.first-retry}). A POST of the payload with {@value
 * #EVENT_ID_HEADER} (the same on every attempt), {@value #EVENT_TYPE_HEADER} and {@value
 * Signatures#HEADER} ({@code sha256=} HMAC of the body with the subscription's secret); a 2xx
 * answer delivers it, anything else is retried until the last attempt.
 */
@Component
class WebhookDispatcher extends OutboxSender<WebhookDelivery> {

  static final String EVENT_ID_HEADER = "X-Opsflow-Event-Id";
  static final String EVENT_TYPE_HEADER = "X-Opsflow-Event";
  private static final int ANSWER_CHARACTERS = 300;
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

  private final WebhookDeliveryRepository deliveries;
  private final WebhookProperties.Outbound settings;
  private final Backoff backoff;
  /** Made at the first delivery ({@link #http()}), not at start (docs/performance.md, Memory). */
  private HttpClient http;
  private final ReceiverAddresses receivers;

  WebhookDispatcher(WebhookDeliveryRepository deliveries, WebhookProperties properties,
      PlatformTransactionManager transactionManager, ReceiverAddresses receivers) {
    super("webhook", deliveries, new States(DeliveryStatus.PENDING, DeliveryStatus.SENDING),
        properties.outbound().sendLease(), properties.outbound().maxAttempts(), transactionManager);
    this.deliveries = deliveries;
    this.receivers = receivers;
    this.settings = properties.outbound();
    this.backoff = new Backoff(settings.firstRetry());
  }

  /**
   * The JDK's HTTP client, made when the first delivery is sent: making one loads and parses the
   * JDK's trusted certificates (its TLS context, about 250 classes) and starts its selector thread,
   * which an Opsflow without webhook subscriptions never needs.
   */
  private synchronized HttpClient http() {
    if (http == null) {
      http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }
    return http;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void afterCommit(DeliveryQueued queued) {
    sendAfterCommit(queued.deliveryId());
  }

  @Scheduled(fixedDelayString = "${opsflow.webhooks.outbound.sweep-interval:PT30S}",
      initialDelayString = "${opsflow.webhooks.outbound.sweep-interval:PT30S}")
  void sweep() {
    sweepDue();
  }

  @Override
  protected Attempt send(WebhookDelivery delivery) {
    WebhookSubscription subscription = delivery.subscription();
    byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
    try {
      URI receiver = URI.create(subscription.url());
      Optional<String> refusal = receivers.refusal(receiver);
      if (refusal.isPresent()) {
        LOG.warn("webhook {} of event {} not sent: {} {}", delivery.id(), delivery.eventId(), subscription.url(), refusal.get());
        return Attempt.failed("not sent: " + refusal.get());
      }
      HttpRequest request = HttpRequest.newBuilder(receiver)
          .timeout(settings.timeout())
          .header("Content-Type", "application/json")
          .header("User-Agent", "Opsflow-Webhooks")
          .header(EVENT_ID_HEADER, delivery.eventId())
          .header(EVENT_TYPE_HEADER, delivery.eventType().type())
          .header(Signatures.HEADER, Signatures.header(subscription.secret(), body))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
          .build();
      HttpResponse<String> response = http().send(request, HttpResponse.BodyHandlers.ofString());
      String answer = "HTTP " + response.statusCode() + answerText(response.body());
      boolean accepted = response.statusCode() / 100 == 2;
      if (!accepted) {
        LOG.warn("webhook {} of event {} to {} refused (attempt {}): {}", delivery.id(), delivery.eventId(),
            subscription.url(), delivery.attempts(), answer);
      }
      return accepted ? Attempt.accepted(answer) : Attempt.failed(answer);
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("webhook {} of event {} to {} failed (attempt {}): {}", delivery.id(), delivery.eventId(),
          subscription.url(), delivery.attempts(), e.toString());
      return Attempt.failed("not reached: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Attempt.failed("interrupted");
    }
  }

  @Override
  protected void record(WebhookDelivery delivery, WebhookDelivery sent, Attempt attempt, Instant now) {
    delivery.attempted(attempt, now, settings.maxAttempts(), backoff);
  }

  private static String answerText(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String text = body.strip().replaceAll("\\s+", " ");
    return ": " + (text.length() > ANSWER_CHARACTERS ? text.substring(0, ANSWER_CHARACTERS) + "..." : text);
  }
}
