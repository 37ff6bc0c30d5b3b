package io.opsflow.changes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Approve as standard change": a low-risk change is approved by policy, recorded like any approval. */
@Component("approveStandardChangeDelegate")
class ApproveStandardChangeDelegate implements JavaDelegate {

  private final ChangeRequests changes;

  ApproveStandardChangeDelegate(ChangeRequests changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    changes.approveAsStandardChange((Long) execution.getVariable(ChangeRollout.VAR_CHANGE_ID),
        execution.getProcessInstanceId());
  }
}
