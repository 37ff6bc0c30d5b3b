package io.opsflow.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** A task that went to someone else while its person was away: the list they get at the end. */
@Entity
@Table(name = "sla_absence_handover", indexes = @Index(name = "ix_sla_absence_handover_absence", columnList = "absence_id"))
class HandedOverTask {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "absence_id", nullable = false)
  private long absenceId;

  @Column(nullable = false, length = 64)
  private String taskId;

  @Column(nullable = false)
  private String taskName;

  @Column(nullable = false)
  private String processName;

  private String businessKey;

  @Column(nullable = false, length = 64)
  private String handedTo;

  @Column(nullable = false)
  private Instant handedAt;

  protected HandedOverTask() {}

  HandedOverTask(long absenceId, TaskFacts task, String handedTo, Instant handedAt) {
    this.absenceId = absenceId;
    this.taskId = task.taskId();
    this.taskName = task.name();
    this.processName = task.processName();
    this.businessKey = task.businessKey();
    this.handedTo = handedTo;
    this.handedAt = handedAt;
  }

  String taskId() {
    return taskId;
  }

  String taskName() {
    return taskName;
  }

  String processName() {
    return processName;
  }

  String businessKey() {
    return businessKey;
  }

  String handedTo() {
    return handedTo;
  }

  Instant handedAt() {
    return handedAt;
  }
}
