package io.opsflow.changes;

import io.opsflow.platform.ApiException;
import io.opsflow.platform.OpsflowGroups;
import io.opsflow.platform.OwnInstance;
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
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A change to how the company works, from request to review, with every decision taken on it.
 * Each step checks that the change stands where the process says it must (409 otherwise), and
 * the process's steps reach it only through its own process instance.
 */
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
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Level impact;
  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Level urgency;
  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Level risk;
  private LocalDate plannedRolloutDate;
  @Column(length = TEXT)
  private String rollbackPlan;
  @Column(length = TEXT)
  private String communicationPlan;
  @Column(length = TEXT)
  private String trainingPlan;
  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
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
    this.impact = Level.parse(ChangeRollout.FORM_IMPACT, draft.impact());
    this.urgency = Level.parse(ChangeRollout.FORM_URGENCY, draft.urgency());
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

  /**
   * Refuses a step of any process instance but this change's own. The instance id is null only
   * inside the transaction that submits the change through the API, whose instance assesses the
   * risk before the start returns its id.
   */
  void requireProcessInstance(String stepProcessInstanceId) {
    OwnInstance.require("change", id, processInstanceId, stepProcessInstanceId);
  }

  /** Records the assessed risk and who must approve in this round (nobody for low risk). */
  void assessed(Level risk, List<String> approvers) {
    requireStatus("have its risk assessed", ChangeStatus.SUBMITTED);
    if (decidedInThisRound()) {
      throw ApiException.conflict("change " + id + " is already assessed in submission round " + round);
    }
    this.risk = risk;
    approvers.forEach(approver -> approvals.add(Approval.pending(this, round, approver)));
    status = approvers.isEmpty() ? ChangeStatus.SUBMITTED : ChangeStatus.AWAITING_APPROVAL;
  }

  /** The standard-change policy approves a submitted change whose risk is assessed as low, nothing else. */
  void approvedAsStandard(Instant now) {
    if (status != ChangeStatus.SUBMITTED || risk != Level.LOW || decidedInThisRound()) {
      throw ApiException.conflict("change " + id + " is " + status + " with " + (risk == null ? "unassessed" : risk.value())
          + " risk and cannot be approved as a standard change (only a SUBMITTED change assessed as low risk)");
    }
    approvals.add(Approval.standard(this, round, now));
    status = ChangeStatus.APPROVED;
  }

  /** Who must still decide on this round; null stands for "any member of management". */
  List<String> pendingApprovers() {
    return pendingApprovals().stream().map(Approval::approver).toList();
  }

  private List<Approval> pendingApprovals() {
    return approvals.stream().filter(a -> a.round() == round && a.pending()).toList();
  }

  private boolean decidedInThisRound() {
    return approvals.stream().anyMatch(a -> a.round() == round);
  }

  /**
   * Decides the pending approval of this round for {@code approver} (the first pending one if
   * null): a rejection sends the change to rework, the last approval approves it.
   */
  Approval decideApproval(String approver, boolean approved, String by, Instant at, String comment) {
    requireStatus("be approved or rejected", ChangeStatus.AWAITING_APPROVAL);
    Approval approval = pendingApprovals().stream().filter(a -> approver == null || approver.equals(a.approver()))
        .findFirst().orElseThrow(() -> ApiException.conflict("change " + id + " has no pending approval for "
            + (approver == null ? OpsflowGroups.MANAGEMENT : approver) + " in submission round " + round));
    approval.decide(approved, by, at, comment);
    if (!approved) {
      cancelPendingApprovals();
      status = ChangeStatus.IN_REWORK;
    } else if (pendingApprovals().isEmpty()) {
      status = ChangeStatus.APPROVED;
    }
    return approval;
  }

  void reworked(boolean resubmit, String by, Instant at, String comment, Level newImpact, Level newUrgency) {
    requireStatus("be reworked", ChangeStatus.IN_REWORK);
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
    if (!status.withdrawable()) {
      throw ApiException.conflict("change " + id + " is " + status + "; only a change not yet rolled out can be withdrawn");
    }
    cancelPendingApprovals();
    status = ChangeStatus.WITHDRAWN;
    log.add(new ChangeLogEntry(this, ChangeLogEntry.Step.WITHDRAWN, by, at, comment));
  }

  void communicationPlanned(String by, Instant at, String communication, String training) {
    requireStatus("have its communication planned", ChangeStatus.APPROVED);
    this.communicationPlan = communication;
    this.trainingPlan = training;
    log.add(new ChangeLogEntry(this, ChangeLogEntry.Step.COMMUNICATION_PLANNED, by, at, null));
  }

  /** One affected team briefed, once, after the communication is planned; the last one schedules the change. */
  void teamBriefed(String team, String by, Instant at, String notes) {
    requireStatus("have a team briefed", ChangeStatus.APPROVED);
    requireLogged(ChangeLogEntry.Step.COMMUNICATION_PLANNED, "have a team briefed");
    AffectedTeam affected = affectedTeams.stream().filter(t -> t.teamId().equals(team)).findFirst()
        .orElseThrow(() -> ApiException.conflict("team " + team + " is not affected by change " + id));
    if (affected.isBriefed()) {
      throw ApiException.conflict("team " + team + " is already briefed on change " + id + " by " + affected.briefedBy());
    }
    affected.briefed(by, at, notes);
    if (affectedTeams.stream().allMatch(AffectedTeam::isBriefed)) {
      status = ChangeStatus.SCHEDULED;
    }
  }

  void rolledOut(String by, Instant at, String notes) {
    requireStatus("be rolled out", ChangeStatus.SCHEDULED);
    status = ChangeStatus.ROLLED_OUT;
    log.add(new ChangeLogEntry(this, ChangeLogEntry.Step.ROLLED_OUT, by, at, notes));
  }

  void verified(boolean successful, String by, Instant at, String comment) {
    requireStatus("be verified", ChangeStatus.ROLLED_OUT);
    reviews.add(new Review(this, Review.Kind.VERIFICATION, successful, by, at, comment));
    status = successful ? ChangeStatus.IMPLEMENTED : ChangeStatus.FAILED;
  }

  void rolledBack(String by, Instant at, String notes) {
    requireStatus("be rolled back", ChangeStatus.FAILED);
    log.add(new ChangeLogEntry(this, ChangeLogEntry.Step.ROLLED_BACK, by, at, notes));
  }

  /** The post-implementation review of a working change, or the review of a failed one after its rollback. */
  void reviewed(Review.Kind kind, String by, Instant at, String findings) {
    if (kind == Review.Kind.POST_IMPLEMENTATION) {
      requireStatus("have its implementation reviewed", ChangeStatus.IMPLEMENTED);
    } else {
      requireStatus("have its failure reviewed", ChangeStatus.FAILED);
      requireLogged(ChangeLogEntry.Step.ROLLED_BACK, "have its failure reviewed");
    }
    reviews.add(new Review(this, kind, null, by, at, findings));
    status = kind == Review.Kind.POST_IMPLEMENTATION ? ChangeStatus.COMPLETED : ChangeStatus.ROLLED_BACK;
  }

  /** "change 7 is AWAITING_APPROVAL and cannot be rolled out (only when SCHEDULED)" as a 409. */
  private void requireStatus(String transition, ChangeStatus... from) {
    if (Stream.of(from).noneMatch(allowed -> allowed == status)) {
      throw ApiException.conflict("change " + id + " is " + status + " and cannot " + transition + " (only when "
          + Stream.of(from).map(Enum::name).collect(Collectors.joining(" or ")) + ")");
    }
  }

  private void requireLogged(ChangeLogEntry.Step step, String transition) {
    if (log.stream().noneMatch(entry -> entry.step() == step)) {
      throw ApiException.conflict("change " + id + " cannot " + transition + " before it is "
          + step.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
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
