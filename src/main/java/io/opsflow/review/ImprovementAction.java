package io.opsflow.review;

import io.opsflow.platform.ApiException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An improvement action a lead agreed in a weekly review: what, who (the owner) and by when; done
 * once, by its task, with a short result.
 */
@Entity
@Table(name = "review_action", indexes = {
    @Index(name = "ix_review_action_review", columnList = "review_id"),
    @Index(name = "ix_review_action_department", columnList = "department, id")})
class ImprovementAction {

  /** Open, open past its due date, or done. */
  enum State { OPEN, LATE, DONE }

  static final int TITLE_LENGTH = 200;
  static final int RESULT_LENGTH = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version
  private long version;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "review_id", nullable = false, foreignKey = @ForeignKey(name = "fk_review_action_review"))
  private DepartmentReview review;

  @Column(nullable = false, length = 64)
  private String department;

  @Column(nullable = false, length = TITLE_LENGTH)
  private String title;

  @Column(name = "owner_id", nullable = false, length = 64)
  private String owner;

  @Column(nullable = false)
  private LocalDate dueDate;

  @Column(nullable = false)
  private Instant createdAt;

  private Instant doneAt;

  @Column(length = 64)
  private String doneBy;

  @Column(length = RESULT_LENGTH)
  private String result;

  protected ImprovementAction() {}

  ImprovementAction(DepartmentReview review, String title, String owner, LocalDate dueDate, Instant createdAt) {
    this.review = review;
    this.department = review.department();
    this.title = title;
    this.owner = owner;
    this.dueDate = dueDate;
    this.createdAt = createdAt;
  }

  /** Done, once, by a step of the review's own process instance. */
  void done(String processInstanceId, String by, Instant at, String result) {
    review.requireProcessInstance(processInstanceId);
    if (doneAt != null) {
      throw ApiException.conflict("action " + id + " '" + title + "' is already done");
    }
    this.doneBy = by;
    this.doneAt = at;
    this.result = result;
  }

  /** Its state on {@code today} (the calendar's date). */
  State state(LocalDate today) {
    if (doneAt != null) {
      return State.DONE;
    }
    return today.isAfter(dueDate) ? State.LATE : State.OPEN;
  }

  Long id() {
    return id;
  }

  DepartmentReview review() {
    return review;
  }

  String department() {
    return department;
  }

  String title() {
    return title;
  }

  String owner() {
    return owner;
  }

  LocalDate dueDate() {
    return dueDate;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant doneAt() {
    return doneAt;
  }

  String doneBy() {
    return doneBy;
  }

  String result() {
    return result;
  }
}
