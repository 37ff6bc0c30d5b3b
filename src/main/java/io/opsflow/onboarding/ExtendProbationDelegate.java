package io.opsflow.onboarding;

import static io.opsflow.onboarding.EmployeeOnboarding.hireId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_ExtendProbation}: another probation period, then another review. */
@Component
class ExtendProbationDelegate implements JavaDelegate {

  private final OnboardingProgress progress;

  ExtendProbationDelegate(OnboardingProgress progress) {
    this.progress = progress;
  }

  @Override
  public void execute(DelegateExecution execution) {
    progress.extendProbation(hireId(execution), execution.getProcessInstanceId());
  }
}
