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

/**
 * One approver's decision on one submission (round) of a change: pending until decided, then who
 * decided, when and why. Low-risk changes get one approval by the standard-change policy.
 */
@Entity
@Table(name = "OPS_CHANGE_APPROVAL")
class Approval {

  /** Who "decides" a standard change: the policy in the risk table, not a person. */
  static final String STANDARD_CHANGE_POLICY = "standard-change-policy";

  enum Decision { PENDING, APPROVED, REJECTED, CANCELLED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "change_id")
  private ChangeRequest change;
  @Column(name = "submission_round")
  private int round;
  /** Who must decide; null when any member of management may (the owner has no manager). */
  private String approver;
  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false)
  private Decision decision;
  private String decidedBy;
  private Instant decidedAt;
  @Column(length = 4000)
  private String comment;

  protected Approval() {}

  private Approval(ChangeRequest change, int round, String approver, Decision decision) {
    this.change = change;
    this.round = round;
    this.approver = approver;
    this.decision = decision;
  }

  static Approval pending(ChangeRequest change, int round, String approver) {
    return new Approval(change, round, approver, Decision.PENDING);
  }

  static Approval standard(ChangeRequest change, int round, Instant at) {
    Approval approval = new Approval(change, round, STANDARD_CHANGE_POLICY, Decision.APPROVED);
    approval.decidedBy = STANDARD_CHANGE_POLICY;
    approval.decidedAt = at;
    approval.comment = "Low risk: approved as a standard change";
    return approval;
  }

  void decide(boolean approved, String by, Instant at, String comment) {
    this.decision = approved ? Decision.APPROVED : Decision.REJECTED;
    this.decidedBy = by;
    this.decidedAt = at;
    this.comment = comment;
  }

  void cancel() {
    decision = Decision.CANCELLED;
  }

  boolean pending() {
    return decision == Decision.PENDING;
  }

  int round() {
    return round;
  }

  String approver() {
    return approver;
  }

  Decision decision() {
    return decision;
  }

  String decidedBy() {
    return decidedBy;
  }

  Instant decidedAt() {
    return decidedAt;
  }

  String comment() {
    return comment;
  }
}
