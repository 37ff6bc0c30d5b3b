package io.opsflow.onboarding;

import static io.opsflow.onboarding.EmployeeOnboarding.hireId;

import io.opsflow.platform.EngineIdentity;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What each step of {@code processes/employee-onboarding.bpmn} records on its hire, called by
 * method expression: service tasks {@code ${onboardingSteps.recordFirstDay(execution)}}, task
 * listeners {@code ${onboardingSteps.recordTaskDone(task)}}. Each step changes only the hire of its
 * own process instance and sets the flags the gateways read. Public because the engine's
 * expression language calls it.
 */
@Component("onboardingSteps")
public class OnboardingSteps {

  private final HireRegistration registration;
  private final OnboardingProgress progress;
  private final OnboardingNotices notices;
  private final EngineIdentity identity;

  OnboardingSteps(HireRegistration registration, OnboardingProgress progress, OnboardingNotices notices,
      EngineIdentity identity) {
    this.registration = registration;
    this.progress = progress;
    this.notices = notices;
    this.identity = identity;
  }

  /**
   * "Record hire": a hire entered with the Tasklist start form is checked and stored like one of
   * the API; the process keeps only its id (and business key), not the form's fields.
   */
  public void recordHire(DelegateExecution execution) {
    HireRequest request = new HireRequest(text(execution, EmployeeOnboarding.FORM_NAME),
        text(execution, EmployeeOnboarding.FORM_EMAIL), text(execution, EmployeeOnboarding.FORM_ROLE),
        text(execution, EmployeeOnboarding.FORM_DEPARTMENT), text(execution, EmployeeOnboarding.FORM_MANAGER_ID),
        text(execution, EmployeeOnboarding.FORM_START_DATE));
    long hireId = registration.registerOnboarded(request, execution.getProcessInstanceId());
    execution.setVariable(EmployeeOnboarding.VAR_HIRE_ID, hireId);
    execution.setProcessBusinessKey(String.valueOf(hireId));
    execution.removeVariables(EmployeeOnboarding.FORM_FIELDS);
  }

  /** On every task's creation: what the form shows about the hire, as task-local variables. */
  public void showHire(DelegateTask task) {
    task.setVariablesLocal(progress.taskDetails(hireId(task), task.getProcessInstanceId()));
  }

  /**
   * On every task's completion: the step, who completed it (the logged-in user, else the
   * assignee) and what it was about (equipment item, probation outcome).
   */
  public void recordTaskDone(DelegateTask task) {
    OnboardingStep step = OnboardingStep.ofTask(task.getTaskDefinitionKey());
    Object detail = step.detailVariable() == null ? null : task.getVariable(step.detailVariable());
    String doneBy = identity.currentUserId() != null ? identity.currentUserId() : task.getAssignee();
    progress.done(hireId(task), task.getProcessInstanceId(), step, detail == null ? null : detail.toString(), doneBy);
  }

  /**
   * "Probation review" completed: recorded like every step (the hire checks and keeps the outcome),
   * and sets {@code probationResult} for the gateway; the form's field leaves the process.
   */
  public void recordProbationReview(DelegateTask task) {
    recordTaskDone(task);
    Object recorded = task.getVariable(EmployeeOnboarding.FORM_PROBATION_OUTCOME);
    ProbationOutcome outcome = ProbationOutcome.of(String.valueOf(recorded));
    task.removeVariable(EmployeeOnboarding.FORM_PROBATION_OUTCOME);
    task.getExecution().setVariable(EmployeeOnboarding.VAR_PROBATION_RESULT, outcome.name());
  }

  /** "Check preparation", two working days before the start: sets {@code preparationLate}. */
  public void checkPreparation(DelegateExecution execution) {
    execution.setVariable(EmployeeOnboarding.VAR_PREPARATION_LATE,
        progress.isPreparationLate(hireId(execution), execution.getProcessInstanceId()));
  }

  /** "Alert late preparation": one mail to the leads of the late departments and HR. */
  public void alertLatePreparation(DelegateExecution execution) {
    notices.alertLatePreparation(hireId(execution), execution.getProcessInstanceId());
  }

  /** "Record first day". */
  public void recordFirstDay(DelegateExecution execution) {
    progress.started(hireId(execution), execution.getProcessInstanceId());
  }

  /** "Confirm employment": probation passed. */
  public void confirmEmployment(DelegateExecution execution) {
    progress.confirmed(hireId(execution), execution.getProcessInstanceId());
  }

  /** "End employment": probation failed. */
  public void endEmployment(DelegateExecution execution) {
    progress.ended(hireId(execution), execution.getProcessInstanceId());
  }

  /** "Extend probation". */
  public void extendProbation(DelegateExecution execution) {
    progress.extendProbation(hireId(execution), execution.getProcessInstanceId());
  }

  /** "Notify cancelled work": the hire was withdrawn; tells whoever had open work. */
  public void notifyCancelledWork(DelegateExecution execution) {
    notices.tellCancelledWork(hireId(execution), execution.getProcessInstanceId());
  }

  private static String text(DelegateExecution execution, String field) {
    Object value = execution.getVariable(field);
    return value == null ? null : value.toString();
  }
}
