package io.opsflow.decide;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * The approve and reject links of one approval mail: for one task and one recipient, used once.
 * Only the token's SHA-256 is stored, so the table alone opens nothing.
 */
@Entity
@Table(name = "decide_link", uniqueConstraints = @UniqueConstraint(name = "uk_decide_link_token", columnNames = "token_hash"),
    indexes = @Index(name = "ix_decide_link_task", columnList = "task_id"))
class DecisionLink {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "token_hash", nullable = false, length = 64)
  private String tokenHash;

  @Column(name = "task_id", nullable = false, length = 64)
  private String taskId;

  @Column(nullable = false, length = 64)
  private String userId;

  @Column(nullable = false)
  private Instant createdAt;

  private Instant usedAt;

  @Column(length = 16)
  private String decision;

  protected DecisionLink() {}

  DecisionLink(String tokenHash, String taskId, String userId, Instant createdAt) {
    this.tokenHash = tokenHash;
    this.taskId = taskId;
    this.userId = userId;
    this.createdAt = createdAt;
  }

  String taskId() {
    return taskId;
  }

  String userId() {
    return userId;
  }

  boolean isUsed() {
    return usedAt != null;
  }

  Instant usedAt() {
    return usedAt;
  }

  String decision() {
    return decision;
  }

  void used(String decision, Instant at) {
    this.decision = decision;
    this.usedAt = at;
  }
}
