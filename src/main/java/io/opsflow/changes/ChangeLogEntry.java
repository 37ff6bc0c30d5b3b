package io.opsflow.changes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A step taken on a change that is neither an approval nor a review: who, when, with what comment. */
@Entity
@Table(name = "OPS_CHANGE_LOG")
class ChangeLogEntry {

  enum Step { SUBMITTED, RESUBMITTED, WITHDRAWN, COMMUNICATION_PLANNED, ROLLED_OUT, ROLLED_BACK }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "change_id")
  private ChangeRequest change;
  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false)
  private Step step;
  @Column(nullable = false)
  private String actor;
  @Column(name = "happened_at", nullable = false)
  private Instant at;
  @Column(length = 4000)
  private String comment;

  protected ChangeLogEntry() {}

  ChangeLogEntry(ChangeRequest change, Step step, String actor, Instant at, String comment) {
    this.change = change;
    this.step = step;
    this.actor = actor;
    this.at = at;
    this.comment = comment;
  }

  Step step() {
    return step;
  }

  String actor() {
    return actor;
  }

  Instant at() {
    return at;
  }

  String comment() {
    return comment;
  }
}
