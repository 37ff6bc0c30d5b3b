package io.opsflow.changes;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Plan communication and training" completed: stores the plans. */
@Component("recordCommunicationPlanListener")
class RecordCommunicationPlanListener implements TaskListener {

  private final ChangeRequests changes;

  RecordCommunicationPlanListener(ChangeRequests changes) {
    this.changes = changes;
  }

  @Override
  public void notify(DelegateTask delegateTask) {
    CompletedTask task = CompletedTask.of(delegateTask);
    changes.recordCommunicationPlan(task.changeId(), task.processInstanceId(), task.actor(),
        task.take(ChangeRollout.FORM_COMMUNICATION_PLAN), task.take(ChangeRollout.FORM_TRAINING_PLAN));
  }
}
