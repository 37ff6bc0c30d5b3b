package io.opsflow.changes;

import io.opsflow.platform.ApiException;
import io.opsflow.platform.EngineIdentity;
import io.opsflow.platform.OpsflowGroups;
import io.opsflow.platform.Organisation;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Who may do what with a change: withdraw it, and decide on its approval. */
@Component
class ChangeAccess {

  private final EngineIdentity identity;
  private final Organisation organisation;

  ChangeAccess(EngineIdentity identity, Organisation organisation) {
    this.identity = identity;
    this.organisation = organisation;
  }

  /** The owner, management and administrators may withdraw a change. */
  boolean mayWithdraw(String user, ChangeRequest change) {
    return user != null && (user.equals(change.owner()) || identity.isAdministratorOrInAnyOf(Set.of(OpsflowGroups.MANAGEMENT)));
  }

  /**
   * Never the owner; an assigned approval only its assignee (the approver, or the absence
   * substitute the SLA module assigned), with no override by anyone else; an unassigned one any
   * member of management. Decisions without a logged-in user (engine jobs, the demo) are not checked.
   */
  void requireMayDecide(ChangeRequest change, Decider decider) {
    String user = decider.user();
    if (user == null) {
      return;
    }
    if (user.equals(change.owner())) {
      throw new ApiException(HttpStatus.FORBIDDEN, user + " owns change " + change.id()
          + " and may not decide on its approval; another member of management must");
    }
    if (decider.assignee() != null && !user.equals(decider.assignee())) {
      throw new ApiException(HttpStatus.FORBIDDEN, "the approval of change " + change.id() + " is assigned to "
          + decider.assignee() + "; only " + decider.assignee() + " may decide on it, not " + user);
    }
    if (decider.assignee() == null && !organisation.isMember(user, OpsflowGroups.MANAGEMENT)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "only a member of management may decide on the approval of change "
          + change.id() + ", not " + user);
    }
  }
}
