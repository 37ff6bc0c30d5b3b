package io.opsflow.onboarding;

import static io.opsflow.onboarding.EmployeeOnboarding.hireId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_ConfirmEmployment}: probation passed, onboarding is complete. */
@Component
class ConfirmEmploymentDelegate implements JavaDelegate {

  private final OnboardingProgress progress;

  ConfirmEmploymentDelegate(OnboardingProgress progress) {
    this.progress = progress;
  }

  @Override
  public void execute(DelegateExecution execution) {
    progress.confirmed(hireId(execution), execution.getProcessInstanceId());
  }
}
