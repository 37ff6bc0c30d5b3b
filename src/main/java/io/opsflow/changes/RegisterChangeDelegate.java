package io.opsflow.changes;

import io.opsflow.platform.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * "Register change request": a change requested with the Tasklist start form becomes a change
 * request like one submitted through the API; the requester owns it. The form fields leave the process.
 */
@Component("registerChangeDelegate")
class RegisterChangeDelegate implements JavaDelegate {

  private static final List<String> FORM_FIELDS = List.of(ChangeRollout.Field.TITLE, ChangeRollout.Field.DESCRIPTION,
      ChangeRollout.Field.AFFECTED_TEAMS, ChangeRollout.Field.IMPACT, ChangeRollout.Field.URGENCY,
      ChangeRollout.Field.PLANNED_ROLLOUT_DATE, ChangeRollout.Field.ROLLBACK_PLAN);

  private final ChangeRequests changes;

  RegisterChangeDelegate(ChangeRequests changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Authentication requester = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    ChangeDraft draft = new ChangeDraft(
        text(execution, ChangeRollout.Field.TITLE),
        text(execution, ChangeRollout.Field.DESCRIPTION),
        requester == null ? null : requester.getUserId(),
        teams(text(execution, ChangeRollout.Field.AFFECTED_TEAMS)),
        text(execution, ChangeRollout.Field.IMPACT),
        text(execution, ChangeRollout.Field.URGENCY),
        date(text(execution, ChangeRollout.Field.PLANNED_ROLLOUT_DATE)),
        text(execution, ChangeRollout.Field.ROLLBACK_PLAN));
    Long changeId = changes.register(draft, execution.getProcessInstanceId());
    execution.removeVariables(FORM_FIELDS);
    execution.setVariable(ChangeRollout.VAR_CHANGE_ID, changeId);
    execution.setProcessBusinessKey(changeId.toString());
  }

  private static String text(DelegateExecution execution, String field) {
    Object value = execution.getVariable(field);
    return value == null ? null : value.toString();
  }

  /** The start form asks for the teams as department ids separated by commas. */
  private static List<String> teams(String commaSeparated) {
    return commaSeparated == null ? List.of()
        : Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(team -> !team.isEmpty()).toList();
  }

  private static LocalDate date(String isoDate) {
    try {
      return isoDate == null ? null : LocalDate.parse(isoDate.length() > 10 ? isoDate.substring(0, 10) : isoDate);
    } catch (DateTimeParseException e) {
      throw ApiException.badField(ChangeRollout.Field.PLANNED_ROLLOUT_DATE, "'" + isoDate + "' is no date (YYYY-MM-DD)");
    }
  }
}
