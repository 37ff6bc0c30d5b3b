package io.opsflow.onboarding;

import static io.opsflow.onboarding.EmployeeOnboarding.VAR_PREPARATION_LATE;
import static io.opsflow.onboarding.EmployeeOnboarding.hireId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_CheckPreparation}: sets the gateway flag whether IT or facilities are late. */
@Component
class CheckPreparationDelegate implements JavaDelegate {

  private final OnboardingProgress progress;

  CheckPreparationDelegate(OnboardingProgress progress) {
    this.progress = progress;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(VAR_PREPARATION_LATE, progress.isPreparationLate(hireId(execution), execution.getProcessInstanceId()));
  }
}
