package io.opsflow.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.List;

/** That a task's SLA was missed and to whom it was escalated; at most one per task. */
@Entity
@Table(name = "sla_escalation",
    uniqueConstraints = @UniqueConstraint(name = "uk_sla_escalation_task", columnNames = "task_id"),
    indexes = @Index(name = "ix_sla_escalation_process", columnList = "process_definition_key"))
class TaskEscalation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "task_id", nullable = false, length = 64)
  private String taskId;

  @Column(nullable = false, length = 64)
  private String processInstanceId;

  @Column(name = "process_definition_key", nullable = false, length = 255)
  private String processDefinitionKey;

  @Column(nullable = false, length = 255)
  private String taskDefinitionKey;

  @Column(length = 255)
  private String assignee;

  /** User ids, comma separated. */
  @Column(nullable = false, length = 1000)
  private String escalatedTo;

  /** On the engine clock. */
  @Column(nullable = false)
  private Instant escalatedAt;

  protected TaskEscalation() {}

  TaskEscalation(String taskId, String processInstanceId, String processDefinitionKey, String taskDefinitionKey,
      String assignee, List<String> escalatedTo, Instant escalatedAt) {
    this.taskId = taskId;
    this.processInstanceId = processInstanceId;
    this.processDefinitionKey = processDefinitionKey;
    this.taskDefinitionKey = taskDefinitionKey;
    this.assignee = assignee;
    this.escalatedTo = String.join(",", escalatedTo);
    this.escalatedAt = escalatedAt;
  }

  String taskId() {
    return taskId;
  }

  String processInstanceId() {
    return processInstanceId;
  }

  String processDefinitionKey() {
    return processDefinitionKey;
  }

  String taskDefinitionKey() {
    return taskDefinitionKey;
  }

  String escalatedTo() {
    return escalatedTo;
  }

  Instant escalatedAt() {
    return escalatedAt;
  }
}
