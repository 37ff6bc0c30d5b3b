package io.opsflow.review;

/**
 * The names {@code processes/weekly-review.bpmn} and its forms {@code forms/weekly-review*.form}
 * share with the Java glue. The process holds the review id and action id of each department's
 * branch and the flag its gateway reads; reviews and actions live in JPA.
 */
final class WeeklyReview {

  static final String PROCESS_KEY = "Process_WeeklyReview";

  /** Multi-instance elements: one department's review, one improvement action. */
  static final String VAR_REVIEW_ID = "reviewId";
  static final String VAR_ACTION_ID = "actionId";
  /** Gateway flag "Improvement actions agreed?", local to the department's review. */
  static final String VAR_ACTIONS_AGREED = "actionsAgreed";

  /** Fields of the review form: a dynamic list of {@code {title, owner, dueDate}}, and the decisions taken. */
  static final String FORM_ACTIONS = "actions";
  static final String FORM_ACTION_TITLE = "title";
  static final String FORM_ACTION_OWNER = "owner";
  static final String FORM_ACTION_DUE_DATE = "dueDate";
  static final String FORM_DECISIONS = "decisions";
  /** Field of the action form: what came of it. */
  static final String FORM_RESULT = "result";

  /** Task-local variables the forms show (Markdown). */
  static final String LOCAL_LAST_WEEK = "lastWeek";
  static final String LOCAL_ACTION = "actionSummary";

  /** The user tasks, as tests, demo and dashboards name them. */
  static final String TASK_REVIEW_LAST_WEEK = "Task_ReviewLastWeek";
  static final String TASK_CARRY_OUT_ACTION = "Task_CarryOutAction";

  private WeeklyReview() {}
}
