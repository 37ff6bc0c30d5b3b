package io.opsflow.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.platform.ApiException;
import io.opsflow.platform.Problems.InvalidParam;
import io.opsflow.platform.Organisation;
import io.opsflow.platform.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each step of {@code processes/weekly-review.bpmn} records, called by method expression:
 * "Plan reviews" ({@code ${weeklyReviewSteps.planReviews(execution)}}), and the listeners of
 * "Review last week" and "Carry out improvement action". The review form's actions are checked
 * here, whatever door they came through (Tasklist, {@code submit-form}, {@code /api/tasks}): a bad
 * one refuses the whole submission with 400 naming the field, and nothing is stored.
 * Public because the engine's expression language calls it.
 */
@Component("weeklyReviewSteps")
@Transactional
public class WeeklyReviewSteps {

  /** Most actions one review agrees: more is a wish list, not a plan. */
  static final int MAX_ACTIONS = 10;
  /** How far ahead an action may be due. */
  static final int MAX_WEEKS_AHEAD = 26;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DepartmentReviewRepository reviews;
  private final ImprovementActionRepository actions;
  private final ReviewAccess access;
  private final Organisation organisation;
  private final WorkingCalendar calendar;
  private final LastWeekSummary summary;

  WeeklyReviewSteps(DepartmentReviewRepository reviews, ImprovementActionRepository actions, ReviewAccess access,
      Organisation organisation, WorkingCalendar calendar, LastWeekSummary summary) {
    this.reviews = reviews;
    this.actions = actions;
    this.access = access;
    this.organisation = organisation;
    this.calendar = calendar;
    this.summary = summary;
  }

  /** "Plan reviews": one review of last week per department that has a lead, by its lead of today. */
  public void planReviews(DelegateExecution execution) {
    Instant now = now();
    LocalDate lastWeek = today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
    for (String department : organisation.departmentIds()) {
      organisation.leadOf(department).ifPresent(lead ->
          reviews.save(new DepartmentReview(execution.getProcessInstanceId(), department, lead, lastWeek, now)));
    }
  }

  /** "Review last week" begins: the form shows last week's figures, misses, escalations and actions. */
  public void showLastWeek(DelegateTask task) {
    task.setVariableLocal(WeeklyReview.LOCAL_LAST_WEEK, summary.of(review(task), today()));
  }

  /**
   * "Review last week" is done: the decisions and the agreed actions are stored, and the flag
   * {@code actionsAgreed} is set for this department's branch. The actions must each have a title
   * (one line), an owner from the department (or its lead) and a due date from today on.
   */
  public void recordReview(DelegateTask task) {
    DepartmentReview review = review(task);
    List<Draft> drafts = drafts(review, task.getVariable(WeeklyReview.FORM_ACTIONS));
    String decisions = text(task.getVariable(WeeklyReview.FORM_DECISIONS));
    if (decisions != null && decisions.length() > DepartmentReview.DECISIONS_LENGTH) {
      throw ApiException.badField(WeeklyReview.FORM_DECISIONS, "must have at most " + DepartmentReview.DECISIONS_LENGTH + " characters");
    }
    Instant now = now();
    review.reviewed(actor(task), now, decisions);
    drafts.forEach(draft -> actions.save(new ImprovementAction(review, draft.title(), draft.owner(), draft.dueDate(), now)));
    task.removeVariable(WeeklyReview.FORM_ACTIONS);
    task.removeVariable(WeeklyReview.FORM_DECISIONS);
    branchOf(task.getExecution(), WeeklyReview.VAR_REVIEW_ID).setVariableLocal(WeeklyReview.VAR_ACTIONS_AGREED, !drafts.isEmpty());
  }

  /** "Carry out improvement action" begins: the task is named after the action, and its form shows it. */
  public void showAction(DelegateTask task) {
    ImprovementAction action = action(task);
    task.setName(action.title());
    task.setVariableLocal(WeeklyReview.LOCAL_ACTION, summary.of(action));
  }

  /** "Carry out improvement action" is done: what came of it (required). */
  public void recordActionDone(DelegateTask task) {
    ImprovementAction action = action(task);
    String result = text(task.getVariable(WeeklyReview.FORM_RESULT));
    if (result == null) {
      throw ApiException.badField(WeeklyReview.FORM_RESULT, "say in a few words what came of the action");
    }
    if (result.length() > ImprovementAction.RESULT_LENGTH) {
      throw ApiException.badField(WeeklyReview.FORM_RESULT, "must have at most " + ImprovementAction.RESULT_LENGTH + " characters");
    }
    action.done(task.getProcessInstanceId(), actor(task), now(), result);
    task.removeVariable(WeeklyReview.FORM_RESULT);
  }

  private record Draft(String title, String owner, LocalDate dueDate) {}

  /** The submitted actions, each checked; all problems at once, each naming its field ({@code actions[1].owner}). */
  private List<Draft> drafts(DepartmentReview review, Object submitted) {
    JsonNode list = json(submitted);
    if (list == null) {
      return List.of();
    }
    if (!list.isArray()) {
      throw ApiException.badField(WeeklyReview.FORM_ACTIONS, "must be a list of actions, each {title, owner, dueDate}");
    }
    if (list.size() > MAX_ACTIONS) {
      throw ApiException.badField(WeeklyReview.FORM_ACTIONS, "at most " + MAX_ACTIONS + " actions a review, not "
          + list.size() + ": agree on the ones that matter most");
    }
    LocalDate today = today();
    List<InvalidParam> problems = new ArrayList<>();
    List<Draft> drafts = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      String at = WeeklyReview.FORM_ACTIONS + "[" + i + "].";
      String title = text(item.path(WeeklyReview.FORM_ACTION_TITLE));
      String owner = text(item.path(WeeklyReview.FORM_ACTION_OWNER));
      String dueText = text(item.path(WeeklyReview.FORM_ACTION_DUE_DATE));
      if (title == null) {
        problems.add(new InvalidParam(at + WeeklyReview.FORM_ACTION_TITLE, "must not be empty: say what is to be done"));
      } else if (title.length() > ImprovementAction.TITLE_LENGTH) {
        problems.add(new InvalidParam(at + WeeklyReview.FORM_ACTION_TITLE, "must have at most " + ImprovementAction.TITLE_LENGTH + " characters"));
      } else if (title.chars().anyMatch(Character::isISOControl)) {
        problems.add(new InvalidParam(at + WeeklyReview.FORM_ACTION_TITLE, "must be one line: no line breaks, tabs or other control characters"));
      }
      if (!access.mayOwn(review, owner)) {
        problems.add(new InvalidParam(at + WeeklyReview.FORM_ACTION_OWNER, (owner == null ? "must not be empty"
            : "'" + owner + "' is not in " + review.department()) + ": an action is owned by a member of "
            + review.department() + " or its lead " + review.lead()));
      }
      LocalDate due = date(dueText);
      if (due == null) {
        problems.add(new InvalidParam(at + WeeklyReview.FORM_ACTION_DUE_DATE, "must be a date such as " + today.plusWeeks(1)));
      } else if (due.isBefore(today)) {
        problems.add(new InvalidParam(at + WeeklyReview.FORM_ACTION_DUE_DATE, due + " is in the past: choose today or a later day"));
      } else if (due.isAfter(today.plusWeeks(MAX_WEEKS_AHEAD))) {
        problems.add(new InvalidParam(at + WeeklyReview.FORM_ACTION_DUE_DATE, due + " is more than " + MAX_WEEKS_AHEAD
            + " weeks ahead: split the action into steps"));
      }
      drafts.add(new Draft(title, owner, due));
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    return drafts;
  }

  /** The actions as a JSON tree, as Tasklist (a JSON variable) or a REST client (JSON text, a list) sends them. */
  private static JsonNode json(Object submitted) {
    if (submitted == null) {
      return null;
    }
    try {
      if (submitted instanceof SpinJsonNode spin) {
        return JSON.readTree(spin.toString());
      }
      if (submitted instanceof String text) {
        return text.isBlank() ? null : JSON.readTree(text);
      }
      return JSON.valueToTree(submitted);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw ApiException.badField(WeeklyReview.FORM_ACTIONS, "must be a JSON list of actions, each {title, owner, dueDate}");
    }
  }

  private static LocalDate date(String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String text(JsonNode node) {
    return node.isValueNode() ? text(node.asText()) : null;
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  /** The execution of the department's branch: the one that holds {@code variable} itself. */
  private static VariableScope branchOf(DelegateExecution execution, String variable) {
    ActivityExecution scope = (ActivityExecution) execution;
    while (scope != null && !scope.hasVariableLocal(variable)) {
      scope = scope.getParent();
    }
    if (scope == null) {
      throw new IllegalStateException("no " + variable + " above execution " + execution.getId());
    }
    return scope;
  }

  private DepartmentReview review(DelegateTask task) {
    Long id = (Long) task.getVariable(WeeklyReview.VAR_REVIEW_ID);
    DepartmentReview review = reviews.findById(id).orElseThrow(() -> ApiException.notFound("review", id));
    review.requireProcessInstance(task.getProcessInstanceId());
    return review;
  }

  private ImprovementAction action(DelegateTask task) {
    Long id = (Long) task.getVariable(WeeklyReview.VAR_ACTION_ID);
    ImprovementAction action = actions.findById(id).orElseThrow(() -> ApiException.notFound("action", id));
    action.review().requireProcessInstance(task.getProcessInstanceId());
    return action;
  }

  /** Who completes the task: the logged-in user, or its assignee when the engine completes it. */
  private static String actor(DelegateTask task) {
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return user != null && user.getUserId() != null ? user.getUserId() : task.getAssignee();
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private LocalDate today() {
    return LocalDate.ofInstant(now(), calendar.zone());
  }
}
