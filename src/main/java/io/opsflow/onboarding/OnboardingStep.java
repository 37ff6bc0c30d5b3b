package io.opsflow.onboarding;

import static io.opsflow.onboarding.EmployeeOnboarding.TASK_COLLECT_DOCUMENTS;
import static io.opsflow.onboarding.EmployeeOnboarding.TASK_CREATE_ACCOUNTS;
import static io.opsflow.onboarding.EmployeeOnboarding.TASK_FIRST_WEEK_CHECK_IN;
import static io.opsflow.onboarding.EmployeeOnboarding.TASK_PREPARE_EQUIPMENT;
import static io.opsflow.onboarding.EmployeeOnboarding.TASK_PREPARE_WORKPLACE;
import static io.opsflow.onboarding.EmployeeOnboarding.TASK_PROBATION_REVIEW;
import static io.opsflow.onboarding.EmployeeOnboarding.TASK_WELCOME_NEW_HIRE;
import static io.opsflow.onboarding.EmployeeOnboarding.VAR_EQUIPMENT_ITEM;
import static io.opsflow.onboarding.EmployeeOnboarding.FORM_PROBATION_OUTCOME;

import java.util.Arrays;
import java.util.Set;

/**
 * A piece of onboarding work someone did, recorded with who and when. Most are user tasks of the
 * process; the detail variable names what the task was about (the equipment item, the outcome).
 */
enum OnboardingStep {
  ACCOUNTS_CREATED(TASK_CREATE_ACCOUNTS, null, Stage.PREPARATION),
  EQUIPMENT_PREPARED(TASK_PREPARE_EQUIPMENT, VAR_EQUIPMENT_ITEM, Stage.PREPARATION),
  WORKPLACE_PREPARED(TASK_PREPARE_WORKPLACE, null, Stage.PREPARATION),
  DOCUMENTS_COLLECTED(TASK_COLLECT_DOCUMENTS, null, Stage.PREPARATION),
  NEW_HIRE_WELCOMED(TASK_WELCOME_NEW_HIRE, null, Stage.EMPLOYMENT),
  FIRST_WEEK_CHECKED_IN(TASK_FIRST_WEEK_CHECK_IN, null, Stage.EMPLOYMENT),
  PROBATION_REVIEWED(TASK_PROBATION_REVIEW, FORM_PROBATION_OUTCOME, Stage.EMPLOYMENT),
  WITHDRAWN(null, null, Stage.EMPLOYMENT);

  /** When in the process a step can be done: preparation may run late into the first days. */
  private enum Stage {
    PREPARATION(Set.of(HireStatus.PREPARING, HireStatus.ONBOARDING)),
    EMPLOYMENT(Set.of(HireStatus.ONBOARDING));

    private final Set<HireStatus> statuses;

    Stage(Set<HireStatus> statuses) {
      this.statuses = statuses;
    }
  }

  private final String taskKey;
  private final String detailVariable;
  private final Stage stage;

  OnboardingStep(String taskKey, String detailVariable, Stage stage) {
    this.taskKey = taskKey;
    this.detailVariable = detailVariable;
    this.stage = stage;
  }

  /** The statuses of a hire in which the process does this step. */
  Set<HireStatus> doneWhile() {
    return stage.statuses;
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
