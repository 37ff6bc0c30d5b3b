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

/** A look back at a rolled-out change: its verification, and the review that closes it. */
@Entity
@Table(name = "OPS_CHANGE_REVIEW")
class Review {

  enum Kind { VERIFICATION, FAILURE, POST_IMPLEMENTATION }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "change_id")
  private ChangeRequest change;
  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false)
  private Kind kind;
  /** For a verification: whether the change works; null for the other reviews. */
  private Boolean successful;
  @Column(nullable = false)
  private String reviewer;
  @Column(nullable = false)
  private Instant reviewedAt;
  @Column(length = 4000)
  private String findings;

  protected Review() {}

  Review(ChangeRequest change, Kind kind, Boolean successful, String reviewer, Instant reviewedAt, String findings) {
    this.change = change;
    this.kind = kind;
    this.successful = successful;
    this.reviewer = reviewer;
    this.reviewedAt = reviewedAt;
    this.findings = findings;
  }

  Kind kind() {
    return kind;
  }

  Boolean successful() {
    return successful;
  }

  String reviewer() {
    return reviewer;
  }

  Instant reviewedAt() {
    return reviewedAt;
  }

  String findings() {
    return findings;
  }
}
