package io.opsflow.onboarding;

import static io.opsflow.onboarding.EmployeeOnboarding.hireId;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On every onboarding task's creation: puts what the form shows about the hire (name, role,
 * start date, manager) into task-local variables; the process itself only holds the hire id.
 */
@Component
class ShowHireOnTaskListener implements TaskListener {

  private final OnboardingProgress progress;

  ShowHireOnTaskListener(OnboardingProgress progress) {
    this.progress = progress;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariablesLocal(progress.taskDetails(hireId(task), task.getProcessInstanceId()));
  }
}
