package io.opsflow.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A user is away from {@code from} to {@code to} (both whole days); a substitute takes their work. */
@Entity
@Table(name = "sla_absence", indexes = @Index(name = "ix_sla_absence_user", columnList = "user_id, to_date"))
class Absence {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false, length = 64)
  private String userId;

  @Column(name = "from_date", nullable = false)
  private LocalDate from;

  @Column(name = "to_date", nullable = false)
  private LocalDate to;

  @Column(nullable = false, length = 64)
  private String substitute;

  @Column(nullable = false, length = 64)
  private String recordedBy;

  @Column(nullable = false)
  private Instant recordedAt;

  /** When the tasks the user held at the start went to the substitute; null before. */
  private Instant handedOverAt;

  /** When the user ended the absence before its last day; null otherwise. */
  private Instant endedAt;

  /** When the user was sent the list of what was handed over; null before the end. */
  private Instant reportedAt;

  protected Absence() {}

  Absence(String userId, LocalDate from, LocalDate to, String substitute, String recordedBy, Instant recordedAt) {
    this.userId = userId;
    this.from = from;
    this.to = to;
    this.substitute = substitute;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  Long id() {
    return id;
  }

  String userId() {
    return userId;
  }

  LocalDate from() {
    return from;
  }

  LocalDate to() {
    return to;
  }

  String substitute() {
    return substitute;
  }

  boolean isHandedOver() {
    return handedOverAt != null;
  }

  boolean isEnded() {
    return endedAt != null;
  }

  /** Whether it has begun on this day and not ended (neither early nor by its last day passing). */
  boolean runsOn(LocalDate day) {
    return !isEnded() && !from.isAfter(day) && !to.isBefore(day);
  }

  void change(LocalDate from, LocalDate to, String substitute) {
    this.from = from;
    this.to = to;
    this.substitute = substitute;
  }

  void handedOver(Instant at) {
    this.handedOverAt = at;
  }

  void end(Instant at) {
    this.endedAt = at;
  }

  void reported(Instant at) {
    this.reportedAt = at;
  }
}
