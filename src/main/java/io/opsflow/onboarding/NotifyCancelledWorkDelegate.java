package io.opsflow.onboarding;

import static io.opsflow.onboarding.EmployeeOnboarding.hireId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_NotifyCancelledWork}: tells the people whose tasks the withdrawal cancelled. */
@Component
class NotifyCancelledWorkDelegate implements JavaDelegate {

  private final OnboardingNotices notices;

  NotifyCancelledWorkDelegate(OnboardingNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.tellCancelledWork(hireId(execution), execution.getProcessInstanceId());
  }
}
