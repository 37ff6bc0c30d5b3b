package io.opsflow.onboarding;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The names that {@code processes/employee-onboarding.bpmn}, its forms and the Java glue share:
 * process key, messages, variables and the elements the code refers to.
 */
final class EmployeeOnboarding {

  static final String PROCESS_KEY = "Process_EmployeeOnboarding";

  /** Starts an instance for a hire recorded through the API. */
  static final String MESSAGE_HIRE_RECORDED = "HireRecorded";
  /** Withdraws the hire: the event sub-process cancels all open work. */
  static final String MESSAGE_HIRE_WITHDRAWN = "HireWithdrawn";

  /** The one business variable of an instance: the id of the {@link Hire}. */
  static final String VAR_HIRE_ID = "hireId";
  /** Gateway flag: IT or facilities work still open two working days before the start. */
  static final String VAR_PREPARATION_LATE = "preparationLate";
  /** The probation review form's outcome: {@code pass}, {@code extend} or {@code end}; recorded on the hire, then removed. */
  static final String FORM_PROBATION_OUTCOME = "probationOutcome";
  /**
   * Gateway flag set when the probation review completes, from the outcome recorded on the hire:
   * a {@link ProbationOutcome} name ({@code PASS}, {@code EXTEND}, {@code END}).
   */
  static final String VAR_PROBATION_RESULT = "probationResult";
  /** Element variable of the multi-instance equipment task: the item to prepare. */
  static final String VAR_EQUIPMENT_ITEM = "equipmentItem";

  /**
   * Fields of the Tasklist start form ({@code forms/onboarding-start.form}). The manager is no
   * process variable: the manager's tasks read it from the hire ({@code ${onboardingPlan.manager(hireId)}}).
   */
  static final String FORM_NAME = "name";
  static final String FORM_EMAIL = "email";
  static final String FORM_ROLE = "role";
  static final String FORM_DEPARTMENT = "department";
  static final String FORM_MANAGER_ID = "managerId";
  static final String FORM_START_DATE = "startDate";
  /** What the start form leaves behind that the process must not keep: it lives in the {@link Hire}. */
  static final List<String> FORM_FIELDS = List.of(FORM_NAME, FORM_EMAIL, FORM_ROLE, FORM_DEPARTMENT,
      FORM_MANAGER_ID, FORM_START_DATE);

  /** Task-local variables that show the hire in the task forms (set when a task is created). */
  static final String LOCAL_HIRE_NAME = "hireName";
  static final String LOCAL_HIRE_ROLE = "hireRole";
  static final String LOCAL_HIRE_DEPARTMENT = "hireDepartment";
  static final String LOCAL_HIRE_START_DATE = "hireStartDate";
  static final String LOCAL_HIRE_MANAGER = "hireManager";
  static final String LOCAL_PROBATION_ENDS_ON = "probationEndsOn";

  /** The departments (candidate groups) that work the preparation tasks. */

  static final String TASK_CREATE_ACCOUNTS = "Task_CreateAccounts";
  static final String TASK_PREPARE_EQUIPMENT = "Task_PrepareEquipment";
  static final String TASK_PREPARE_WORKPLACE = "Task_PrepareWorkplace";
  static final String TASK_COLLECT_DOCUMENTS = "Task_CollectDocuments";
  static final String TASK_WELCOME_NEW_HIRE = "Task_WelcomeNewHire";
  static final String TASK_FIRST_WEEK_CHECK_IN = "Task_FirstWeekCheckIn";
  static final String TASK_PROBATION_REVIEW = "Task_ProbationReview";

  private EmployeeOnboarding() {}

  static long hireId(VariableScope scope) {
    return ((Number) scope.getVariable(VAR_HIRE_ID)).longValue();
  }
}
