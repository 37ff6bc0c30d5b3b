package io.opsflow.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A URL that gets the events it subscribed to, signed with its own secret. */
@Entity
@Table(name = "webhook_subscription")
class WebhookSubscription {

  private static final String SEPARATOR = ",";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = SubscriptionRequest.MAX_URL)
  private String url;

  /** The event names, comma-separated. */
  @Column(nullable = false, length = 500)
  private String events;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 10)
  private DeliveryFormat format;

  @Column(nullable = false, length = 100)
  private String secret;

  @Column(length = SubscriptionRequest.MAX_DESCRIPTION)
  private String description;

  @Column(name = "created_by", length = 64)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  private Long version;

  protected WebhookSubscription() {}

  WebhookSubscription(String url, Collection<WebhookEvent> events, DeliveryFormat format, String secret,
      String description, String createdBy, Instant now) {
    this.secret = secret;
    this.createdBy = createdBy;
    this.createdAt = now;
    change(url, events, format, description, now);
  }

  void change(String url, Collection<WebhookEvent> events, DeliveryFormat format, String description, Instant now) {
    this.url = url;
    this.events = events.stream().distinct().map(WebhookEvent::type).sorted().collect(Collectors.joining(SEPARATOR));
    this.format = format;
    this.description = description;
    this.updatedAt = now;
  }

  boolean wants(WebhookEvent event) {
    return events().contains(event);
  }

  Long id() {
    return id;
  }

  String url() {
    return url;
  }

  List<WebhookEvent> events() {
    return Arrays.stream(events.split(SEPARATOR)).map(WebhookEvent::of).toList();
  }

  DeliveryFormat format() {
    return format;
  }

  String secret() {
    return secret;
  }

  String description() {
    return description;
  }

  String createdBy() {
    return createdBy;
  }

  Instant createdAt() {
    return createdAt;
  }
}
