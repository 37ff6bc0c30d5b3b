package io.opsflow.changes;

import io.opsflow.platform.Organisation;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What {@code change-rollout.bpmn} reads about a change in its expressions, e.g.
 * {@code ${changeFacts.owner(changeId)}}: the process holds only the change id. Public because
 * the engine's expression language calls it.
 */
@Component("changeFacts")
public class ChangeFacts {

  private final ChangeService changes;
  private final Organisation organisation;
  private final ChangeCalendar calendar;

  ChangeFacts(ChangeService changes, Organisation organisation, ChangeCalendar calendar) {
    this.changes = changes;
    this.organisation = organisation;
    this.calendar = calendar;
  }

  public String impact(Long changeId) {
    return changes.load(changeId).impact().value();
  }

  public String urgency(Long changeId) {
    return changes.load(changeId).urgency().value();
  }

  public int affectedTeamCount(Long changeId) {
    return changes.load(changeId).affectedTeams().size();
  }

  public List<String> affectedTeams(Long changeId) {
    return changes.load(changeId).affectedTeams().stream().map(AffectedTeam::teamId).toList();
  }

  /** The lead of an affected team, who briefs it. */
  public String leadOf(String team) {
    return organisation.leadOf(team).orElse(null);
  }

  public String owner(Long changeId) {
    return changes.load(changeId).owner();
  }

  /** Who must still approve this submission; null stands for any member of management. */
  public List<String> approvers(Long changeId) {
    return changes.load(changeId).pendingApprovers();
  }

  /** The one approver of a medium-risk change (the owner's manager), or null for any member of management. */
  public String approver(Long changeId) {
    List<String> approvers = approvers(changeId);
    return approvers.isEmpty() ? null : approvers.get(0); // the one approver may be null: findFirst() cannot say so
  }

  /** When the change rolls out: the start of its planned rollout date. */
  public Date rolloutDate(Long changeId) {
    return calendar.startOf(changes.load(changeId).plannedRolloutDate());
  }

  /** One line for task descriptions: "#12 New shift plan (owner sam, rollout 2026-05-04)". */
  public String summary(Long changeId) {
    ChangeRequest change = changes.load(changeId);
    return "#" + change.id() + " " + change.title() + " (owner " + change.owner() + ", rollout "
        + change.plannedRolloutDate() + ")";
  }
}
