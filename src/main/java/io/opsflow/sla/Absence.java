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
}
