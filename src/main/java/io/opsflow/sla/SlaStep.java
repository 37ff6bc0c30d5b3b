package io.opsflow.sla;

/**
 * The steps of an SLA'd task's ladder, each a timeout listener of the task with its own timer
 * (job handler configuration {@code <task id>$taskListener~<listener id>}). Public for tests and
 * tools that look for a step's timer.
 */
public enum SlaStep {
  /** At the due date: the people working on the task get a reminder. */
  REMINDER("slaReminder"),
  /** The grace period after the due date: the task is escalated to the manager. */
  ESCALATION("slaEscalation");

  private final String listenerId;

  SlaStep(String listenerId) {
    this.listenerId = listenerId;
  }

  public String listenerId() {
    return listenerId;
  }
}
