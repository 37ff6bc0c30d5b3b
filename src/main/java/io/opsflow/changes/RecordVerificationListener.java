package io.opsflow.changes;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Verify outcome" completed: whether the change works, for the gateway and the record. */
@Component("recordVerificationListener")
class RecordVerificationListener implements TaskListener {

  private final ChangeRequests changes;

  RecordVerificationListener(ChangeRequests changes) {
    this.changes = changes;
  }

  @Override
  public void notify(DelegateTask delegateTask) {
    CompletedTask task = CompletedTask.of(delegateTask);
    boolean successful = task.takeChoice(ChangeRollout.FORM_OUTCOME, ChangeRollout.SUCCESS);
    task.setFlag(ChangeRollout.VAR_SUCCESSFUL,
        changes.recordVerification(task.changeId(), task.processInstanceId(), task.actor(), successful, task.take(ChangeRollout.FORM_COMMENT)));
  }
}
