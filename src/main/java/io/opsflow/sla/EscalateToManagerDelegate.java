package io.opsflow.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Escalate to manager" after an SLA escalation timer: {@code camunda:delegateExpression="${escalateToManager}"}. */
@Component("escalateToManager")
class EscalateToManagerDelegate implements JavaDelegate {

  private final SlaLadder ladder;

  EscalateToManagerDelegate(SlaLadder ladder) {
    this.ladder = ladder;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ladder.escalate(execution);
  }
}
