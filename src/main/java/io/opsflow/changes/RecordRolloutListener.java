package io.opsflow.changes;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Roll out change" completed. */
@Component("recordRolloutListener")
class RecordRolloutListener implements TaskListener {

  private final ChangeRequests changes;

  RecordRolloutListener(ChangeRequests changes) {
    this.changes = changes;
  }

  @Override
  public void notify(DelegateTask delegateTask) {
    CompletedTask task = CompletedTask.of(delegateTask);
    changes.recordRollout(task.changeId(), task.processInstanceId(), task.actor(), task.take(ChangeRollout.FORM_COMMENT));
  }
}
