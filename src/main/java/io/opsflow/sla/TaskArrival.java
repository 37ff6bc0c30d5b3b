package io.opsflow.sla;

import io.opsflow.decide.DecisionLinks;
import io.opsflow.notify.Notifications;
import io.opsflow.notify.OutgoingMail;
import io.opsflow.platform.EngineIdentity;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;

/**
 * What happens when a task of any process is created or assigned: a task for someone who is
 * away goes to their substitute, and the people who are to work on it get a mail (with their own
 * "Approve" and "Reject" links where the task is an approval). Nobody gets a
 * mail about what they did themselves (claiming a task).
 */
@Service
class TaskArrival {

  private final Absences absences;
  private final TaskFactsReader factsReader;
  private final TaskAudience audience;
  private final TaskMails mails;
  private final Notifications notifications;
  private final EngineIdentity identity;
  private final AbsenceHandover handover;
  private final DecisionLinks decisionLinks;

  TaskArrival(Absences absences, TaskFactsReader factsReader, TaskAudience audience, TaskMails mails,
      Notifications notifications, EngineIdentity identity, AbsenceHandover handover, DecisionLinks decisionLinks) {
    this.absences = absences;
    this.factsReader = factsReader;
    this.audience = audience;
    this.mails = mails;
    this.notifications = notifications;
    this.identity = identity;
    this.handover = handover;
    this.decisionLinks = decisionLinks;
  }

  void created(DelegateTask task) {
    handToSubstitute(task);
    announce(task, true);
  }

  void assigned(DelegateTask task) {
    if (task.getAssignee() != null) {
      handToSubstitute(task);
      announce(task, false);
    }
  }

  /** Reassigns a task of someone who is away to whoever stands in for them, for the list they get at the end. */
  private void handToSubstitute(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee != null && !assignee.equals(identity.currentUserId())) {
      String worker = absences.workerFor(assignee);
      if (!worker.equals(assignee)) {
        task.setAssignee(worker);
        handover.arrived(assignee, factsReader.read(task), worker);
      }
    }
  }

  /**
   * The new-task mail is keyed by the task's id: for a task created in this transaction no
   * earlier one can have queued it, so the outbox is not read ({@link Notifications#sendAboutNew}).
   */
  private void announce(DelegateTask task, boolean created) {
    if (task.getAssignee() != null && task.getAssignee().equals(identity.currentUserId())) {
      return;
    }
    TaskFacts facts = factsReader.read(task);
    if (!decisionLinks.isDecidable(task)) {
      OutgoingMail mail = mails.newTask(facts, List.of(audience.workersOnWhenSent(facts)));
      if (created) {
        notifications.sendAboutNew(mail);
      } else {
        notifications.send(mail);
      }
      return;
    }
    for (String person : audience.workersOn(facts)) { // an approval: each gets their own links
      if (!notifications.isQueued(mails.newTaskKey(facts, person))) {
        notifications.send(mails.newApproval(facts, person, decisionLinks.issue(task, person).orElseThrow()));
      }
    }
  }
}
