package io.opsflow.changes;

import io.opsflow.notify.Notifications;
import io.opsflow.notify.OutgoingMail;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** What the owner of a change is told by mail; Tasklist's task mails tell everyone else. */
@Component
class ChangeMails {

  private final Notifications notifications;

  ChangeMails(Notifications notifications) {
    this.notifications = notifications;
  }

  void approved(ChangeRequest change) {
    send(change, "approved", "approved", "Your change is approved (" + change.risk().value() + " risk). Plan its "
        + "communication and training next; the affected teams' leads then brief their teams.");
  }

  void rejected(ChangeRequest change, Approval rejection) {
    send(change, "submission-" + change.round() + "-rejected", "rejected",
        rejection.decidedBy() + " rejected your change" + (rejection.comment() == null ? "." : ": " + rejection.comment())
            + "\n\nRework it and resubmit it, or withdraw it, in Tasklist.");
  }

  void briefingLate(ChangeRequest change) {
    String late = change.affectedTeams().stream().filter(team -> !team.isBriefed()).map(AffectedTeam::teamId)
        .collect(Collectors.joining(", "));
    send(change, "briefing-late", "not all teams briefed", "These teams are not yet briefed on your change: " + late
        + ". Their leads were reminded and their managers told. Talk to them, or consider postponing the rollout.");
  }

  private void send(ChangeRequest change, String event, String what, String text) {
    String body = text + "\n\nChange #" + change.id() + ": " + change.title() + "\nPlanned rollout: "
        + change.plannedRolloutDate() + "\n";
    notifications.send(new OutgoingMail("change-" + change.id() + "-" + event, List.of(change.owner()),
        "Change #" + change.id() + " " + what + ": " + change.title(), body));
  }
}
