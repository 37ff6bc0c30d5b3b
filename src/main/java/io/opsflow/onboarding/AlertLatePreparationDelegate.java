package io.opsflow.onboarding;

import static io.opsflow.onboarding.EmployeeOnboarding.hireId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_AlertLatePreparation}: mails the leads of the late departments and HR. */
@Component
class AlertLatePreparationDelegate implements JavaDelegate {

  private final OnboardingNotices notices;

  AlertLatePreparationDelegate(OnboardingNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.alertLatePreparation(hireId(execution), execution.getProcessInstanceId());
  }
}
