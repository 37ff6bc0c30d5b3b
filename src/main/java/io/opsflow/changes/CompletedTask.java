package io.opsflow.changes;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * A user task of the change process as it completes: whose decision it is and what its form
 * submitted. Form fields are taken (read, then removed), so that the process keeps only the change
 * id and its gateway flags while JPA keeps the record.
 */
final class CompletedTask {

  private final DelegateTask task;

  private CompletedTask(DelegateTask task) {
    this.task = task;
  }

  static CompletedTask of(DelegateTask task) {
    return new CompletedTask(task);
  }

  Long changeId() {
    return (Long) task.getVariable(ChangeRollout.VAR_CHANGE_ID);
  }

  /** The process instance the task belongs to: the only one whose change it may record on. */
  String processInstanceId() {
    return task.getProcessInstanceId();
  }

  /** Who completes the task: the logged-in user, if any, and the assignee. */
  Decider decider() {
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return new Decider(user == null ? null : user.getUserId(), task.getAssignee());
  }

  /** Who completed the task: the logged-in user, or the assignee when the engine completes it for them. */
  String actor() {
    return decider().name();
  }

  /**
   * A variable of the task's own instance, such as the team or approver of a multi-instance task:
   * from the nearest scope that has it (an SLA'd task is a scope of its own, inside the instance).
   */
  String instanceVariable(String name) {
    return (String) task.getExecution().getVariable(name);
  }

  /** A submitted form field as text, or null if left empty; removed from the process. */
  String take(String field) {
    Object value = task.getVariable(field);
    task.removeVariable(field);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  /** Whether a choice field was answered with {@code yes}; removed from the process. */
  boolean takeChoice(String field, String yes) {
    return yes.equals(take(field));
  }

  void setFlag(String name, boolean value) {
    task.getExecution().setVariable(name, value);
  }
}
