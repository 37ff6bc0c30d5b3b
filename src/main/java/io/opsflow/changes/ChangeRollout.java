package io.opsflow.changes;

/**
 * The names the change rollout process and its decision table share with the Java glue:
 * {@code processes/change-rollout.bpmn}, {@code processes/change-risk.dmn} and the forms
 * {@code forms/change-*.form}. The process holds the change id and the flags its gateways read.
 */
final class ChangeRollout {

  static final String PROCESS_KEY = "Process_ChangeRollout";
  static final String DECISION_RISK = "Decision_ChangeRisk";
  static final String MESSAGE_SUBMITTED = "Message_ChangeSubmitted";
  static final String MESSAGE_WITHDRAWN = "Message_ChangeWithdrawn";

  static final String VAR_CHANGE_ID = "changeId";
  /** Gateway flags. */
  static final String VAR_RISK = "risk";
  static final String VAR_APPROVED = "approved";
  static final String VAR_RESUBMITTED = "resubmitted";
  static final String VAR_SUCCESSFUL = "successful";
  /** Multi-instance elements: one approver of a high-risk change, one affected team. */
  static final String VAR_APPROVER = "approver";
  static final String VAR_TEAM = "team";
  /** Inputs of the risk decision, mapped locally on "Assess risk". */
  static final String VAR_IMPACT = "impact";
  static final String VAR_URGENCY = "urgency";
  static final String VAR_AFFECTED_TEAM_COUNT = "affectedTeamCount";

  /** Fields of the Tasklist forms; consumed (stored in JPA, then removed) when a task completes. */
  static final String FORM_TITLE = "title";
  static final String FORM_DESCRIPTION = "description";
  static final String FORM_OWNER = "owner";
  static final String FORM_AFFECTED_TEAMS = "affectedTeams";
  static final String FORM_IMPACT = "impact";
  static final String FORM_URGENCY = "urgency";
  static final String FORM_PLANNED_ROLLOUT_DATE = "plannedRolloutDate";
  static final String FORM_ROLLBACK_PLAN = "rollbackPlan";
  /** Approval forms: {@link #APPROVE} or {@code reject}. */
  static final String FORM_APPROVAL = "approval";
  /** Rework form: {@link #RESUBMIT} or {@code withdraw}. */
  static final String FORM_REWORK = "rework";
  static final String FORM_COMMENT = "comment";
  static final String FORM_COMMUNICATION_PLAN = "communicationPlan";
  static final String FORM_TRAINING_PLAN = "trainingPlan";
  /** Verification form: {@link #SUCCESS} or {@code failure}. */
  static final String FORM_OUTCOME = "outcome";
  static final String APPROVE = "approve";
  static final String RESUBMIT = "resubmit";
  static final String SUCCESS = "success";

  /** The user tasks, as tests, demo and dashboards name them. */
  static final String TASK_APPROVE_CHANGE = "Task_ApproveChange";
  static final String TASK_APPROVE_HIGH_RISK_CHANGE = "Task_ApproveHighRiskChange";
  static final String TASK_REWORK_CHANGE = "Task_ReworkChange";
  static final String TASK_PLAN_COMMUNICATION = "Task_PlanCommunication";
  static final String TASK_BRIEF_TEAM = "Task_BriefTeam";
  static final String TASK_ROLL_OUT_CHANGE = "Task_RollOutChange";
  static final String TASK_VERIFY_OUTCOME = "Task_VerifyOutcome";
  static final String TASK_ROLL_BACK_CHANGE = "Task_RollBackChange";
  static final String TASK_REVIEW_IMPLEMENTATION = "Task_ReviewImplementation";
  static final String TASK_REVIEW_FAILURE = "Task_ReviewFailure";

  private ChangeRollout() {}
}
