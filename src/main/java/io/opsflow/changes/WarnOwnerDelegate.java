package io.opsflow.changes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Warn change owner": a team's briefing is late, so the owner hears which teams are not yet briefed. */
@Component("warnOwnerDelegate")
class WarnOwnerDelegate implements JavaDelegate {

  private final ChangeRequests changes;

  WarnOwnerDelegate(ChangeRequests changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    changes.warnOwnerOfLateBriefing((Long) execution.getVariable(ChangeRollout.VAR_CHANGE_ID),
        execution.getProcessInstanceId());
  }
}
