package io.opsflow.onboarding;

import static io.opsflow.onboarding.EmployeeOnboarding.FORM_DEPARTMENT;
import static io.opsflow.onboarding.EmployeeOnboarding.FORM_EMAIL;
import static io.opsflow.onboarding.EmployeeOnboarding.FORM_NAME;
import static io.opsflow.onboarding.EmployeeOnboarding.FORM_FIELDS;
import static io.opsflow.onboarding.EmployeeOnboarding.FORM_ROLE;
import static io.opsflow.onboarding.EmployeeOnboarding.FORM_START_DATE;
import static io.opsflow.onboarding.EmployeeOnboarding.VAR_HIRE_ID;
import static io.opsflow.onboarding.EmployeeOnboarding.FORM_MANAGER_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordHire}: turns the Tasklist start form into a {@link Hire}, keeps only its id
 * in the process and drops the form's fields (personal data, manager) from the variables. Runs in the
 * transaction of the start, so a refused hire starts nothing: the REST API answers 400 and
 * Tasklist shows the message, which names the field.
 */
@Component
class RecordHireDelegate implements JavaDelegate {

  private final HireRegistration registration;

  RecordHireDelegate(HireRegistration registration) {
    this.registration = registration;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HireRequest request = new HireRequest(text(execution, FORM_NAME), text(execution, FORM_EMAIL),
        text(execution, FORM_ROLE), text(execution, FORM_DEPARTMENT), text(execution, FORM_MANAGER_ID),
        text(execution, FORM_START_DATE));
    long hireId = registration.registerOnboarded(request, execution.getProcessInstanceId());
    execution.setVariable(VAR_HIRE_ID, hireId);
    execution.setProcessBusinessKey(String.valueOf(hireId));
    execution.removeVariables(FORM_FIELDS);
  }

  private static String text(DelegateExecution execution, String field) {
    Object value = execution.getVariable(field);
    return value == null ? null : value.toString();
  }
}
