package io.opsflow.insight;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The targets a manager set for one process at one moment. Never changed: a new setting is a new
 * row, so the rows of a process are its history and the newest one is in force.
 */
@Entity
@Table(name = "insight_target", indexes = @Index(name = "ix_insight_target_process", columnList = "process_key, id"))
class ProcessTarget {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "process_key", nullable = false)
  private String processKey;

  /** Working time as set, such as {@code P2D} (days are working days); null: no target. */
  @Column(name = "cycle_time_p90", length = 32)
  private String cycleTimeP90;

  private Double onTimePercent;

  private Integer maxWorkInProgress;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "insight_step_target", joinColumns = @JoinColumn(name = "target_id"),
      foreignKey = @ForeignKey(name = "fk_insight_step_target_target"))
  @MapKeyColumn(name = "task_key")
  @Column(name = "on_time_percent", nullable = false)
  private Map<String, Double> stepOnTimePercent = new TreeMap<>();

  @Column(nullable = false, length = 64)
  private String setBy;

  @Column(nullable = false)
  private Instant setAt;

  protected ProcessTarget() {}

  ProcessTarget(String processKey, String cycleTimeP90, Double onTimePercent, Integer maxWorkInProgress,
      Map<String, Double> stepOnTimePercent, String setBy, Instant setAt) {
    this.processKey = processKey;
    this.cycleTimeP90 = cycleTimeP90;
    this.onTimePercent = onTimePercent;
    this.maxWorkInProgress = maxWorkInProgress;
    this.stepOnTimePercent = new TreeMap<>(stepOnTimePercent);
    this.setBy = setBy;
    this.setAt = setAt;
  }

  String processKey() {
    return processKey;
  }

  String cycleTimeP90() {
    return cycleTimeP90;
  }

  Double onTimePercent() {
    return onTimePercent;
  }

  Integer maxWorkInProgress() {
    return maxWorkInProgress;
  }

  /** On-time share in percent per user task id, sorted by task id. */
  Map<String, Double> stepOnTimePercent() {
    return new TreeMap<>(stepOnTimePercent);
  }

  String setBy() {
    return setBy;
  }

  Instant setAt() {
    return setAt;
  }
}
