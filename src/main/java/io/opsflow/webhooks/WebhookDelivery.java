package io.opsflow.webhooks;

import io.opsflow.notify.Attempt;
import io.opsflow.notify.Backoff;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One event for one subscription: the outbox row, written in the transaction of the event, and
 * its line in the delivery log. The event id is the same for every attempt (and for every
 * subscription of the event), so a receiver drops what it has seen.
 */
@Entity
@Table(name = "webhook_delivery",
    uniqueConstraints = @UniqueConstraint(name = "uk_webhook_delivery_event", columnNames = {"subscription_id", "event_id"}),
    indexes = @Index(name = "ix_webhook_delivery_due", columnList = "status, next_attempt_at"))
class WebhookDelivery {

  static final int MAX_ANSWER = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "subscription_id")
  private WebhookSubscription subscription;

  @Column(name = "event_id", nullable = false, length = 36)
  private String eventId;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "event_type", nullable = false, length = 20)
  private WebhookEvent eventType;

  @Column(nullable = false, length = 100_000)
  private String payload;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 20)
  private DeliveryStatus status;

  private int attempts;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** When the sweep may (re)try: after the first attempt's grace, a back-off, or a lease. */
  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  /** The receiver's last answer ({@code HTTP 503: ...}) or why it could not be reached. */
  @Column(name = "last_answer", length = MAX_ANSWER)
  private String lastAnswer;

  protected WebhookDelivery() {}

  WebhookDelivery(WebhookSubscription subscription, String eventId, WebhookEvent eventType, String payload, Instant now,
      Instant firstSweep) {
    this.subscription = subscription;
    this.eventId = eventId;
    this.eventType = eventType;
    this.payload = payload;
    this.status = DeliveryStatus.PENDING;
    this.createdAt = now;
    this.nextAttemptAt = firstSweep;
  }

  void attempted(Attempt attempt, Instant now, int maxAttempts, Backoff backoff) {
    String answer = attempt.answer();
    lastAnswer = answer == null ? null : answer.substring(0, Math.min(answer.length(), MAX_ANSWER));
    if (attempt.accepted()) {
      status = DeliveryStatus.DELIVERED;
      deliveredAt = now;
    } else if (attempts >= maxAttempts) {
      status = DeliveryStatus.FAILED;
    } else {
      status = DeliveryStatus.PENDING;
      nextAttemptAt = backoff.next(now, attempts);
    }
  }

  Long id() {
    return id;
  }

  WebhookSubscription subscription() {
    return subscription;
  }

  String eventId() {
    return eventId;
  }

  WebhookEvent eventType() {
    return eventType;
  }

  String payload() {
    return payload;
  }

  DeliveryStatus status() {
    return status;
  }

  int attempts() {
    return attempts;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  Instant deliveredAt() {
    return deliveredAt;
  }

  String lastAnswer() {
    return lastAnswer;
  }
}
