package io.opsflow.onboarding;

import static io.opsflow.onboarding.EmployeeOnboarding.hireId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_EndEmployment}: the employment ends within probation. */
@Component
class EndEmploymentDelegate implements JavaDelegate {

  private final OnboardingProgress progress;

  EndEmploymentDelegate(OnboardingProgress progress) {
    this.progress = progress;
  }

  @Override
  public void execute(DelegateExecution execution) {
    progress.ended(hireId(execution), execution.getProcessInstanceId());
  }
}
