package io.opsflow.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Send reminder" after an SLA reminder timer: {@code camunda:delegateExpression="${sendReminder}"}. */
@Component("sendReminder")
class SendReminderDelegate implements JavaDelegate {

  private final SlaLadder ladder;

  SendReminderDelegate(SlaLadder ladder) {
    this.ladder = ladder;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ladder.remind(execution);
  }
}
