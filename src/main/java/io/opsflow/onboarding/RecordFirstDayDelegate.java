package io.opsflow.onboarding;

import static io.opsflow.onboarding.EmployeeOnboarding.hireId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_RecordFirstDay}: the start date has come; the hire is onboarding. */
@Component
class RecordFirstDayDelegate implements JavaDelegate {

  private final OnboardingProgress progress;

  RecordFirstDayDelegate(OnboardingProgress progress) {
    this.progress = progress;
  }

  @Override
  public void execute(DelegateExecution execution) {
    progress.started(hireId(execution), execution.getProcessInstanceId());
  }
}
