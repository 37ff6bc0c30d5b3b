package io.opsflow.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A mail in the outbox, written in the transaction of whoever sends it and sent after that
 * commits. The unique key makes a mail at most once per business event.
 */
@Entity
@Table(name = "notify_outbox", uniqueConstraints = @UniqueConstraint(name = "uk_notify_outbox_key", columnNames = "mail_key"))
class OutboxMail {

  private static final String SEPARATOR = ",";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "mail_key", nullable = false, length = OutgoingMail.MAX_KEY_LENGTH)
  private String key;

  /** As queued (user ids, groups, {@link MailAudience} recipients, addresses) until the first attempt, then the addresses. */
  @Column(nullable = false, length = 4000)
  private String recipients;

  @Column(nullable = false, length = 500)
  private String subject;

  @Column(nullable = false, length = 100_000)
  private String body;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 20)
  private MailStatus status;

  private int attempts;

  @Column(nullable = false)
  private Instant createdAt;

  /** When the sweep may (re)try: after the first attempt's grace, a back-off, or a lease. */
  @Column(nullable = false)
  private Instant nextAttemptAt;

  private Instant sentAt;

  @Column(length = 1000)
  private String lastError;

  protected OutboxMail() {}

  OutboxMail(OutgoingMail mail, Instant now, Duration firstAttemptGrace) {
    this.key = mail.key();
    this.recipients = String.join(SEPARATOR, mail.to());
    this.subject = mail.subject();
    this.body = mail.body();
    this.status = MailStatus.PENDING;
    this.createdAt = now;
    this.nextAttemptAt = now.plus(firstAttemptGrace);
  }

  void notSendable(String reason) {
    status = MailStatus.NOT_SENDABLE;
    lastError = reason;
  }

  /** The addresses the recipients stood for at the first attempt: later attempts go to the same. */
  void addressedTo(List<String> addresses) {
    recipients = String.join(SEPARATOR, addresses);
  }

  void sent(Instant now) {
    status = MailStatus.SENT;
    sentAt = now;
    lastError = null;
  }

  /** A failed attempt: retried later with a growing back-off, until the last attempt. */
  void failed(String error, Instant now, int maxAttempts) {
    lastError = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 1000));
    if (attempts >= maxAttempts) {
      status = MailStatus.FAILED;
    } else {
      status = MailStatus.PENDING;
      nextAttemptAt = MailDispatcher.BACKOFF.next(now, attempts);
    }
  }

  Long id() {
    return id;
  }

  String key() {
    return key;
  }

  List<String> recipients() {
    return recipients.isEmpty() ? List.of() : Arrays.asList(recipients.split(SEPARATOR));
  }

  String subject() {
    return subject;
  }

  String body() {
    return body;
  }

  MailStatus status() {
    return status;
  }

  int attempts() {
    return attempts;
  }

  String lastError() {
    return lastError;
  }
}
