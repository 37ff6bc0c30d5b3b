package io.opsflow.onboarding;

import static io.opsflow.onboarding.EmployeeOnboarding.hireId;

import io.opsflow.platform.EngineIdentity;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On every onboarding task's completion: records the step with who completed it (the logged-in
 * user, else the assignee) and what it was about (equipment item, probation outcome).
 */
@Component
class RecordTaskDoneListener implements TaskListener {

  private final OnboardingProgress progress;
  private final EngineIdentity identity;

  RecordTaskDoneListener(OnboardingProgress progress, EngineIdentity identity) {
    this.progress = progress;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    OnboardingStep step = OnboardingStep.ofTask(task.getTaskDefinitionKey());
    Object detail = step.detailVariable() == null ? null : task.getVariable(step.detailVariable());
    String doneBy = identity.currentUserId() != null ? identity.currentUserId() : task.getAssignee();
    progress.done(hireId(task), task.getProcessInstanceId(), step, detail == null ? null : detail.toString(), doneBy);
  }
}
