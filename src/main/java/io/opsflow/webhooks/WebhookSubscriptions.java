package io.opsflow.webhooks;

import io.opsflow.platform.ApiException;
import io.opsflow.platform.EngineIdentity;
import io.opsflow.platform.OpsflowGroups;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Subscriptions and their delivery log, for administrators ({@code camunda-admin}) only: 403 for anyone else. */
@Service
class WebhookSubscriptions {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final WebhookSubscriptionRepository subscriptions;
  private final WebhookDeliveryRepository deliveries;
  private final EngineIdentity identity;
  private final ReceiverAddresses receivers;

  WebhookSubscriptions(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries,
      EngineIdentity identity, ReceiverAddresses receivers) {
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
    this.identity = identity;
    this.receivers = receivers;
  }

  @Transactional(readOnly = true)
  public List<SubscriptionView> list() {
    requireAdministrator();
    return subscriptions.findAllByOrderById().stream().map(SubscriptionView::of).toList();
  }

  @Transactional(readOnly = true)
  public SubscriptionView find(long id) {
    requireAdministrator();
    return SubscriptionView.of(require(id));
  }

  /** A new subscription; the answer carries its secret, which is never shown again. */
  @Transactional
  public SubscriptionView create(SubscriptionRequest request) {
    requireAdministrator();
    requireUrl(request.url());
    String secret = request.secret() != null ? request.secret() : HexFormat.of().formatHex(randomBytes());
    WebhookSubscription subscription = subscriptions.save(new WebhookSubscription(request.url().strip(), request.events(),
        request.formatOrDefault(), secret, blankToNull(request.description()), identity.currentUserId(), Instant.now()));
    return SubscriptionView.withSecret(subscription);
  }

  /** Changes URL, events, format and description; the secret stays. */
  @Transactional
  public SubscriptionView update(long id, SubscriptionRequest request) {
    requireAdministrator();
    requireUrl(request.url());
    if (request.secret() != null) {
      throw ApiException.badField("secret", "cannot be changed; delete the subscription and create a new one");
    }
    WebhookSubscription subscription = require(id);
    subscription.change(request.url().strip(), request.events(), request.formatOrDefault(),
        blankToNull(request.description()), Instant.now());
    return SubscriptionView.of(subscription);
  }

  /** Deletes the subscription with its delivery log; what was not delivered yet is not sent any more. */
  @Transactional
  public void delete(long id) {
    requireAdministrator();
    WebhookSubscription subscription = require(id);
    deliveries.deleteBySubscription(subscription.id());
    subscriptions.delete(subscription);
  }

  /** The latest 200 deliveries, of one subscription or all, newest first. */
  @Transactional(readOnly = true)
  public List<DeliveryView> deliveries(Long subscriptionId) {
    requireAdministrator();
    if (subscriptionId != null) {
      require(subscriptionId);
    }
    List<WebhookDelivery> found = subscriptionId == null ? deliveries.findTop200ByOrderByIdDesc()
        : deliveries.findTop200BySubscriptionIdOrderByIdDesc(subscriptionId);
    return found.stream().map(DeliveryView::of).toList();
  }

  private WebhookSubscription require(long id) {
    return subscriptions.findById(id).orElseThrow(() -> ApiException.notFound("webhook subscription", id));
  }

  private void requireAdministrator() {
    if (!identity.currentUserIsAdministrator()) {
      throw new ApiException(HttpStatus.FORBIDDEN, "only administrators (" + OpsflowGroups.ADMINISTRATORS
          + ") may manage webhooks");
    }
  }

  private void requireUrl(String url) {
    try {
      URI uri = new URI(url.strip());
      if (uri.getHost() == null) {
        throw ApiException.badField("url", "must name a host");
      }
      receivers.refusal(uri).ifPresent(refusal -> {
        throw ApiException.badField("url", refusal);
      });
    } catch (URISyntaxException e) {
      throw ApiException.badField("url", "is not a valid URL: " + e.getReason());
    }
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
