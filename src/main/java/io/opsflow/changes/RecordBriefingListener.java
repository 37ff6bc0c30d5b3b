package io.opsflow.changes;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Brief team" completed for one affected team: who briefed it, when, with what notes. */
@Component("recordBriefingListener")
class RecordBriefingListener implements TaskListener {

  private final ChangeRequests changes;

  RecordBriefingListener(ChangeRequests changes) {
    this.changes = changes;
  }

  @Override
  public void notify(DelegateTask delegateTask) {
    CompletedTask task = CompletedTask.of(delegateTask);
    changes.recordBriefing(task.changeId(), task.processInstanceId(), task.local(ChangeRollout.VAR_TEAM), task.actor(),
        task.take(ChangeRollout.FORM_COMMENT));
  }
}
