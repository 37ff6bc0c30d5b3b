package io.opsflow.changes;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Approve change" and "Approve high-risk change" completed: records who decided what, and why;
 * refuses a decision by the owner, or by anyone but the assignee of an assigned approval.
 */
@Component("recordApprovalListener")
class RecordApprovalListener implements TaskListener {

  private final ChangeRequests changes;

  RecordApprovalListener(ChangeRequests changes) {
    this.changes = changes;
  }

  @Override
  public void notify(DelegateTask delegateTask) {
    CompletedTask task = CompletedTask.of(delegateTask);
    boolean approved = changes.recordApproval(task.changeId(), task.processInstanceId(),
        task.local(ChangeRollout.VAR_APPROVER), task.decider(),
        task.takeChoice(ChangeRollout.FORM_APPROVAL, ChangeRollout.APPROVE), task.take(ChangeRollout.FORM_COMMENT));
    task.setFlag(ChangeRollout.VAR_APPROVED, approved);
  }
}
