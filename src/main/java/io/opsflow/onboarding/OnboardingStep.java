package io.opsflow.onboarding;

import static io.opsflow.onboarding.EmployeeOnboarding.TASK_COLLECT_DOCUMENTS;
import static io.opsflow.onboarding.EmployeeOnboarding.TASK_CREATE_ACCOUNTS;
import static io.opsflow.onboarding.EmployeeOnboarding.TASK_FIRST_WEEK_CHECK_IN;
import static io.opsflow.onboarding.EmployeeOnboarding.TASK_PREPARE_EQUIPMENT;
import static io.opsflow.onboarding.EmployeeOnboarding.TASK_PREPARE_WORKPLACE;
import static io.opsflow.onboarding.EmployeeOnboarding.TASK_PROBATION_REVIEW;
import static io.opsflow.onboarding.EmployeeOnboarding.TASK_WELCOME_NEW_HIRE;
import static io.opsflow.onboarding.EmployeeOnboarding.VAR_EQUIPMENT_ITEM;
import static io.opsflow.onboarding.EmployeeOnboarding.VAR_PROBATION_OUTCOME;

import java.util.Arrays;

/**
 * A piece of onboarding work someone did, recorded with who and when. Most are user tasks of the
 * process; the detail variable names what the task was about (the equipment item, the outcome).
 */
enum OnboardingStep {
  ACCOUNTS_CREATED(TASK_CREATE_ACCOUNTS, null),
  EQUIPMENT_PREPARED(TASK_PREPARE_EQUIPMENT, VAR_EQUIPMENT_ITEM),
  WORKPLACE_PREPARED(TASK_PREPARE_WORKPLACE, null),
  DOCUMENTS_COLLECTED(TASK_COLLECT_DOCUMENTS, null),
  NEW_HIRE_WELCOMED(TASK_WELCOME_NEW_HIRE, null),
  FIRST_WEEK_CHECKED_IN(TASK_FIRST_WEEK_CHECK_IN, null),
  PROBATION_REVIEWED(TASK_PROBATION_REVIEW, VAR_PROBATION_OUTCOME),
  WITHDRAWN(null, null);

  private final String taskKey;
  private final String detailVariable;

  OnboardingStep(String taskKey, String detailVariable) {
    this.taskKey = taskKey;
    this.detailVariable = detailVariable;
  }

  /** The variable whose value tells what the task was about, or null. */
  String detailVariable() {
    return detailVariable;
  }

  static OnboardingStep ofTask(String taskDefinitionKey) {
    return Arrays.stream(values()).filter(step -> taskDefinitionKey.equals(step.taskKey)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no onboarding step is done by task " + taskDefinitionKey));
  }
}
