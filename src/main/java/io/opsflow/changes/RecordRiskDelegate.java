package io.opsflow.changes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record risk": the assessed risk and, for medium and high risk, who must approve. */
@Component("recordRiskDelegate")
class RecordRiskDelegate implements JavaDelegate {

  private final ChangeRequests changes;

  RecordRiskDelegate(ChangeRequests changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    changes.recordRisk((Long) execution.getVariable(ChangeRollout.VAR_CHANGE_ID), execution.getProcessInstanceId(),
        (String) execution.getVariable(ChangeRollout.VAR_RISK));
  }
}
