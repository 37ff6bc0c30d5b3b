package io.opsflow.changes;

/**
 * Who decides at a user task: the logged-in user (null when the engine or a test completes the
 * task) and the task's assignee, who stands for the decider when no one is logged in.
 */
record Decider(String user, String assignee) {

  /** The name the decision is recorded under. */
  String name() {
    return user != null ? user : assignee;
  }
}
