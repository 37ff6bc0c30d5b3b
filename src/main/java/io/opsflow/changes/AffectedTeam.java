package io.opsflow.changes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A department a change affects, and who briefed it when. */
@Entity
@Table(name = "OPS_CHANGE_AFFECTED_TEAM")
class AffectedTeam {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "change_id")
  private ChangeRequest change;
  @Column(nullable = false)
  private String teamId;
  private String briefedBy;
  private Instant briefedAt;
  @Column(length = 4000)
  private String briefingNotes;

  protected AffectedTeam() {}

  AffectedTeam(ChangeRequest change, String teamId) {
    this.change = change;
    this.teamId = teamId;
  }

  void briefed(String by, Instant at, String notes) {
    this.briefedBy = by;
    this.briefedAt = at;
    this.briefingNotes = notes;
  }

  boolean isBriefed() {
    return briefedAt != null;
  }

  String teamId() {
    return teamId;
  }

  String briefedBy() {
    return briefedBy;
  }

  Instant briefedAt() {
    return briefedAt;
  }

  String briefingNotes() {
    return briefingNotes;
  }
}
