package io.opsflow.changes;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Roll back change" completed. */
@Component("recordRollbackListener")
class RecordRollbackListener implements TaskListener {

  private final ChangeRequests changes;

  RecordRollbackListener(ChangeRequests changes) {
    this.changes = changes;
  }

  @Override
  public void notify(DelegateTask delegateTask) {
    CompletedTask task = CompletedTask.of(delegateTask);
    changes.recordRollback(task.changeId(), task.processInstanceId(), task.actor(), task.take(ChangeRollout.FORM_COMMENT));
  }
}
