package io.opsflow.changes;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Rework change" completed: the owner resubmits (perhaps with new impact or urgency) or withdraws. */
@Component("recordReworkListener")
class RecordReworkListener implements TaskListener {

  private final ChangeRequests changes;

  RecordReworkListener(ChangeRequests changes) {
    this.changes = changes;
  }

  @Override
  public void notify(DelegateTask delegateTask) {
    CompletedTask task = CompletedTask.of(delegateTask);
    boolean resubmit = task.takeChoice(ChangeRollout.FORM_REWORK, ChangeRollout.RESUBMIT);
    String comment = task.take(ChangeRollout.FORM_COMMENT);
    Level impact = level(ChangeRollout.FORM_IMPACT, task.take(ChangeRollout.FORM_IMPACT));
    Level urgency = level(ChangeRollout.FORM_URGENCY, task.take(ChangeRollout.FORM_URGENCY));
    task.setFlag(ChangeRollout.VAR_RESUBMITTED,
        changes.recordRework(task.changeId(), task.processInstanceId(), task.actor(), resubmit, comment, impact, urgency));
  }

  private static Level level(String field, String value) {
    return value == null ? null : Level.parse(field, value);
  }
}
