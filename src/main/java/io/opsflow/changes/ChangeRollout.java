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
  static final class Field {
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String OWNER = "owner";
    static final String AFFECTED_TEAMS = "affectedTeams";
    static final String IMPACT = "impact";
    static final String URGENCY = "urgency";
    static final String PLANNED_ROLLOUT_DATE = "plannedRolloutDate";
    static final String ROLLBACK_PLAN = "rollbackPlan";
    static final String APPROVAL = "approval";
    static final String REWORK = "rework";
    static final String COMMENT = "comment";
    static final String COMMUNICATION_PLAN = "communicationPlan";
    static final String TRAINING_PLAN = "trainingPlan";
    static final String OUTCOME = "outcome";

    static final String APPROVE = "approve";
    static final String RESUBMIT = "resubmit";
    static final String SUCCESS = "success";

    private Field() {}
  }

  private ChangeRollout() {}
}
