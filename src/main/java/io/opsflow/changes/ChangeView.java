package io.opsflow.changes;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A change as the API shows it, with its teams, approvals, reviews and the log of other steps. */
record ChangeView(Long id, String title, String description, String owner, Level impact, Level urgency,
    Level risk, ChangeStatus status, LocalDate plannedRolloutDate, String rollbackPlan,
    String communicationPlan, String trainingPlan, int submission, String processInstanceId,
    Instant submittedAt, List<Team> affectedTeams, List<ApprovalView> approvals, List<ReviewView> reviews,
    List<Step> log) {

  record Team(String team, String briefedBy, Instant briefedAt, String briefingNotes) {}

  record ApprovalView(int submission, String approver, Approval.Decision decision, String decidedBy,
      Instant decidedAt, String comment) {}

  record ReviewView(Review.Kind kind, Boolean successful, String reviewer, Instant reviewedAt, String findings) {}

  @Schema(name = "ChangeStep")
  record Step(ChangeLogEntry.Step step, String actor, Instant at, String comment) {}

  /** One line of the list of changes. */
  @Schema(name = "ChangeSummary")
  record Summary(Long id, String title, String owner, Level risk, ChangeStatus status, LocalDate plannedRolloutDate) {
    static Summary of(ChangeRequest c) {
      return new Summary(c.id(), c.title(), c.owner(), c.risk(), c.status(), c.plannedRolloutDate());
    }
  }

  static ChangeView of(ChangeRequest c) {
    return new ChangeView(c.id(), c.title(), c.description(), c.owner(), c.impact(), c.urgency(), c.risk(),
        c.status(), c.plannedRolloutDate(), c.rollbackPlan(), c.communicationPlan(), c.trainingPlan(), c.round(),
        c.processInstanceId(), c.submittedAt(),
        c.affectedTeams().stream().map(t -> new Team(t.teamId(), t.briefedBy(), t.briefedAt(), t.briefingNotes())).toList(),
        c.approvals().stream().map(a -> new ApprovalView(a.round(), a.approver(), a.decision(), a.decidedBy(),
            a.decidedAt(), a.comment())).toList(),
        c.reviews().stream().map(r -> new ReviewView(r.kind(), r.successful(), r.reviewer(), r.reviewedAt(),
            r.findings())).toList(),
        c.log().stream().map(e -> new Step(e.step(), e.actor(), e.at(), e.comment())).toList());
  }
}
