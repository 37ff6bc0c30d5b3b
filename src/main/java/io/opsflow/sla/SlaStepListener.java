package io.opsflow.sla;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A timeout listener that {@link SlaBpmnParse} gives an SLA'd task: its timer fires at the step's
 * deadline, and the step runs for this task, in the timer's transaction.
 */
final class SlaStepListener implements TaskListener {

  private final SlaStep step;
  private final Optional<String> escalationCode;
  /** Looked up when a timer fires: the engine is built before the services it needs exist. */
  private final ObjectProvider<SlaLadder> ladder;

  SlaStepListener(SlaStep step, Optional<String> escalationCode, ObjectProvider<SlaLadder> ladder) {
    this.step = step;
    this.escalationCode = escalationCode;
    this.ladder = ladder;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (step) {
      case REMINDER -> ladder.getObject().remind(task);
      case ESCALATION -> ladder.getObject().escalate(task, escalationCode);
    }
  }
}
