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
    boolean resubmit = task.takeChoice(ChangeRollout.Field.REWORK, ChangeRollout.Field.RESUBMIT);
    String comment = task.take(ChangeRollout.Field.COMMENT);
    Level impact = level(ChangeRollout.Field.IMPACT, task.take(ChangeRollout.Field.IMPACT));
    Level urgency = level(ChangeRollout.Field.URGENCY, task.take(ChangeRollout.Field.URGENCY));
    task.setFlag(ChangeRollout.VAR_RESUBMITTED,
        changes.recordRework(task.changeId(), task.processInstanceId(), task.actor(), resubmit, comment, impact, urgency));
  }

  private static Level level(String field, String value) {
    return value == null ? null : Level.parse(field, value);
  }
}
