package io.opsflow.review;

import io.opsflow.platform.ApiException;
import io.opsflow.platform.OwnInstance;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One department's weekly review: which week, whose it is (the department's lead when it began),
 * and what the lead decided. Changed only by the steps of the process instance it belongs to.
 */
@Entity
@Table(name = "review_department_review",
    indexes = @Index(name = "ix_review_department_review_instance", columnList = "process_instance_id"))
class DepartmentReview {

  enum Status { OPEN, DONE }

  static final int DECISIONS_LENGTH = 4000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version
  private long version;

  @Column(name = "process_instance_id", nullable = false, length = 64)
  private String processInstanceId;

  @Column(nullable = false, length = 64)
  private String department;

  @Column(name = "lead_user_id", nullable = false, length = 64)
  private String lead;

  /** The Monday of the week under review (the week before the review). */
  @Column(nullable = false)
  private LocalDate weekStart;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 16)
  private Status status = Status.OPEN;

  @Column(nullable = false)
  private Instant createdAt;

  @Column(length = 64)
  private String reviewedBy;

  private Instant reviewedAt;

  @Column(length = DECISIONS_LENGTH)
  private String decisions;

  protected DepartmentReview() {}

  DepartmentReview(String processInstanceId, String department, String lead, LocalDate weekStart, Instant createdAt) {
    this.processInstanceId = processInstanceId;
    this.department = department;
    this.lead = lead;
    this.weekStart = weekStart;
    this.createdAt = createdAt;
  }

  void requireProcessInstance(String stepProcessInstanceId) {
    OwnInstance.require("review", id, processInstanceId, stepProcessInstanceId);
  }

  /** The lead's review is done: once, from OPEN. */
  void reviewed(String by, Instant at, String decisions) {
    if (status != Status.OPEN) {
      throw ApiException.conflict("review " + id + " of " + department + " is already done");
    }
    this.status = Status.DONE;
    this.reviewedBy = by;
    this.reviewedAt = at;
    this.decisions = decisions;
  }

  Long id() {
    return id;
  }

  String department() {
    return department;
  }

  String lead() {
    return lead;
  }

  LocalDate weekStart() {
    return weekStart;
  }

  Status status() {
    return status;
  }

  Instant createdAt() {
    return createdAt;
  }

  String decisions() {
    return decisions;
  }
}
