package io.opsflow.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.platform.ApiException;
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

  private static final List<String> FORM_FIELDS = List.of(ChangeRollout.FORM_TITLE, ChangeRollout.FORM_DESCRIPTION,
      ChangeRollout.FORM_AFFECTED_TEAMS, ChangeRollout.FORM_IMPACT, ChangeRollout.FORM_URGENCY,
      ChangeRollout.FORM_PLANNED_ROLLOUT_DATE, ChangeRollout.FORM_ROLLBACK_PLAN);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> TEAM_LIST = new TypeReference<>() {};

  private final ChangeRequests changes;

  RegisterChangeDelegate(ChangeRequests changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Authentication requester = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    ChangeDraft draft = new ChangeDraft(
        text(execution, ChangeRollout.FORM_TITLE),
        text(execution, ChangeRollout.FORM_DESCRIPTION),
        requester == null ? null : requester.getUserId(),
        teams(execution.getVariable(ChangeRollout.FORM_AFFECTED_TEAMS)),
        text(execution, ChangeRollout.FORM_IMPACT),
        text(execution, ChangeRollout.FORM_URGENCY),
        text(execution, ChangeRollout.FORM_PLANNED_ROLLOUT_DATE),
        text(execution, ChangeRollout.FORM_ROLLBACK_PLAN));
    Long changeId = changes.register(draft, execution.getProcessInstanceId());
    execution.removeVariables(FORM_FIELDS);
    execution.setVariable(ChangeRollout.VAR_CHANGE_ID, changeId);
    execution.setProcessBusinessKey(changeId.toString());
  }

  private static String text(DelegateExecution execution, String field) {
    Object value = execution.getVariable(field);
    return value == null ? null : value.toString();
  }

  /** The start form's checklist submits the team ids as a JSON list. */
  private static List<String> teams(Object checked) {
    if (checked == null) {
      return List.of();
    }
    try {
      return JSON.readValue(checked.toString(), TEAM_LIST);
    } catch (JsonProcessingException e) {
      throw ApiException.badField(ChangeRollout.FORM_AFFECTED_TEAMS, "'" + checked + "' is no list of teams");
    }
  }
}
