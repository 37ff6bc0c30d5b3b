package io.opsflow.changes;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A change to how the company works, from request to review, with every decision taken on it. */
@Entity
@Table(name = "OPS_CHANGE_REQUEST")
class ChangeRequest {

  private static final int TEXT = 4000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Version
  private long version;
  @Column(nullable = false)
  private String title;
  @Column(length = TEXT)
  private String description;
  @Column(nullable = false)
  private String owner;
  @Enumerated(EnumType.STRING)
  private Level impact;
  @Enumerated(EnumType.STRING)
  private Level urgency;
  @Enumerated(EnumType.STRING)
  private Level risk;
  private LocalDate plannedRolloutDate;
  @Column(length = TEXT)
  private String rollbackPlan;
  @Column(length = TEXT)
  private String communicationPlan;
  @Column(length = TEXT)
  private String trainingPlan;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ChangeStatus status;
  /** Counts submissions: 1 at first, one more at each resubmission after rework. */
  @Column(name = "submission_round")
  private int round;
  private String processInstanceId;
  private Instant submittedAt;

  @OneToMany(mappedBy = "change", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("teamId")
  private List<AffectedTeam> affectedTeams = new ArrayList<>();
  @OneToMany(mappedBy = "change", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<Approval> approvals = new ArrayList<>();
  @OneToMany(mappedBy = "change", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<Review> reviews = new ArrayList<>();
  @OneToMany(mappedBy = "change", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<ChangeLogEntry> log = new ArrayList<>();

  protected ChangeRequest() {}

  ChangeRequest(ChangeDraft draft, List<String> teams, LocalDate plannedRolloutDate, Instant now) {
    this.title = draft.title();
    this.description = draft.description();
    this.owner = draft.owner();
    this.impact = Level.parse(ChangeRollout.Field.IMPACT, draft.impact());
    this.urgency = Level.parse(ChangeRollout.Field.URGENCY, draft.urgency());
    this.plannedRolloutDate = plannedRolloutDate;
    this.rollbackPlan = draft.rollbackPlan();
    this.status = ChangeStatus.SUBMITTED;
    this.round = 1;
    this.submittedAt = now;
    teams.forEach(team -> affectedTeams.add(new AffectedTeam(this, team)));
    log.add(new ChangeLogEntry(this, ChangeLogEntry.Step.SUBMITTED, draft.owner(), now, null));
  }

  void startedAs(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  /** Records the assessed risk and who must approve in this round (nobody for low risk). */
  void assessed(Level risk, List<String> approvers) {
    this.risk = risk;
    approvers.forEach(approver -> approvals.add(Approval.pending(this, round, approver)));
    status = approvers.isEmpty() ? ChangeStatus.SUBMITTED : ChangeStatus.AWAITING_APPROVAL;
  }

  void approvedAsStandard(Instant now) {
    approvals.add(Approval.standard(this, round, now));
    status = ChangeStatus.APPROVED;
  }

  /** The pending approval of this round for this approver, or the first pending one if approver is null. */
  Optional<Approval> pendingApproval(String approver) {
    return pendingApprovals().stream()
        .filter(a -> approver == null || approver.equals(a.approver())).findFirst();
  }

  /** Who must still decide on this round; null stands for "any member of management". */
  List<String> pendingApprovers() {
    return pendingApprovals().stream().map(Approval::approver).toList();
  }

  private List<Approval> pendingApprovals() {
    return approvals.stream().filter(a -> a.round() == round && a.pending()).toList();
  }

  /** After an approval decision: rejected goes to rework, the last approval approves the change. */
  void approvalDecided(boolean approved) {
    if (!approved) {
      cancelPendingApprovals();
      status = ChangeStatus.IN_REWORK;
    } else if (pendingApprovals().isEmpty()) {
      status = ChangeStatus.APPROVED;
    }
  }

  void reworked(boolean resubmit, String by, Instant at, String comment, Level newImpact, Level newUrgency) {
    if (resubmit) {
      round++;
      impact = newImpact == null ? impact : newImpact;
      urgency = newUrgency == null ? urgency : newUrgency;
      status = ChangeStatus.SUBMITTED;
      log.add(new ChangeLogEntry(this, ChangeLogEntry.Step.RESUBMITTED, by, at, comment));
    } else {
      withdrawn(by, at, comment);
    }
  }

  void withdrawn(String by, Instant at, String comment) {
    cancelPendingApprovals();
    status = ChangeStatus.WITHDRAWN;
    log.add(new ChangeLogEntry(this, ChangeLogEntry.Step.WITHDRAWN, by, at, comment));
  }

  void communicationPlanned(String by, Instant at, String communication, String training) {
    this.communicationPlan = communication;
    this.trainingPlan = training;
    log.add(new ChangeLogEntry(this, ChangeLogEntry.Step.COMMUNICATION_PLANNED, by, at, null));
  }

  void teamBriefed(String team, String by, Instant at, String notes) {
    affectedTeams.stream().filter(t -> t.teamId().equals(team)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("team " + team + " is not affected by change " + id))
        .briefed(by, at, notes);
    if (affectedTeams.stream().allMatch(AffectedTeam::isBriefed)) {
      status = ChangeStatus.SCHEDULED;
    }
  }

  void rolledOut(String by, Instant at, String notes) {
    status = ChangeStatus.ROLLED_OUT;
    log.add(new ChangeLogEntry(this, ChangeLogEntry.Step.ROLLED_OUT, by, at, notes));
  }

  void verified(boolean successful, String by, Instant at, String comment) {
    reviews.add(new Review(this, Review.Kind.VERIFICATION, successful, by, at, comment));
    status = successful ? ChangeStatus.IMPLEMENTED : ChangeStatus.FAILED;
  }

  void rolledBack(String by, Instant at, String notes) {
    log.add(new ChangeLogEntry(this, ChangeLogEntry.Step.ROLLED_BACK, by, at, notes));
  }

  void reviewed(Review.Kind kind, String by, Instant at, String findings) {
    reviews.add(new Review(this, kind, null, by, at, findings));
    status = kind == Review.Kind.POST_IMPLEMENTATION ? ChangeStatus.COMPLETED : ChangeStatus.ROLLED_BACK;
  }

  private void cancelPendingApprovals() {
    approvals.stream().filter(Approval::pending).forEach(Approval::cancel);
  }

  Long id() {
    return id;
  }

  String title() {
    return title;
  }

  String description() {
    return description;
  }

  String owner() {
    return owner;
  }

  Level impact() {
    return impact;
  }

  Level urgency() {
    return urgency;
  }

  Level risk() {
    return risk;
  }

  LocalDate plannedRolloutDate() {
    return plannedRolloutDate;
  }

  String rollbackPlan() {
    return rollbackPlan;
  }

  String communicationPlan() {
    return communicationPlan;
  }

  String trainingPlan() {
    return trainingPlan;
  }

  ChangeStatus status() {
    return status;
  }

  int round() {
    return round;
  }

  String processInstanceId() {
    return processInstanceId;
  }

  Instant submittedAt() {
    return submittedAt;
  }

  List<AffectedTeam> affectedTeams() {
    return List.copyOf(affectedTeams);
  }

  List<Approval> approvals() {
    return List.copyOf(approvals);
  }

  List<Review> reviews() {
    return List.copyOf(reviews);
  }

  List<ChangeLogEntry> log() {
    return List.copyOf(log);
  }
}
