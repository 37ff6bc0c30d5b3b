package io.opsflow.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.platform.ApiException;
import io.opsflow.platform.OpsflowGroups;
import io.opsflow.platform.Organisation;
import java.util.Collections;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each step of {@code processes/change-rollout.bpmn} records on its change, called by method
 * expression: service tasks {@code ${changeSteps.recordRisk(execution)}}, task listeners on
 * "complete" {@code ${changeSteps.recordApproval(task)}}. Each step changes only the change of its
 * own process instance, takes the form fields it reads out of the process ({@link CompletedTask})
 * and sets the flags the gateways read. Public because the engine's expression language calls it.
 */
@Component("changeSteps")
@Transactional
public class ChangeSteps {

  /** The start form's fields, which the change keeps and the process does not. */
  private static final List<String> START_FORM_FIELDS = List.of(ChangeRollout.FORM_TITLE, ChangeRollout.FORM_DESCRIPTION,
      ChangeRollout.FORM_AFFECTED_TEAMS, ChangeRollout.FORM_IMPACT, ChangeRollout.FORM_URGENCY,
      ChangeRollout.FORM_PLANNED_ROLLOUT_DATE, ChangeRollout.FORM_ROLLBACK_PLAN);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> TEAM_LIST = new TypeReference<>() {};

  private final ChangeService changes;
  private final ChangeAccess access;
  private final Organisation organisation;
  private final ChangeMails mails;
  private final ApplicationEventPublisher events;

  ChangeSteps(ChangeService changes, ChangeAccess access, Organisation organisation, ChangeMails mails,
      ApplicationEventPublisher events) {
    this.changes = changes;
    this.access = access;
    this.organisation = organisation;
    this.mails = mails;
    this.events = events;
  }

  /**
   * "Register change request": a change requested with the Tasklist start form is stored like one
   * of the API, by the logged-in requester; the process keeps only its id (and business key).
   */
  public void register(DelegateExecution execution) {
    Authentication requester = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    ChangeDraft draft = new ChangeDraft(text(execution, ChangeRollout.FORM_TITLE),
        text(execution, ChangeRollout.FORM_DESCRIPTION), requester == null ? null : requester.getUserId(),
        teams(execution.getVariable(ChangeRollout.FORM_AFFECTED_TEAMS)), text(execution, ChangeRollout.FORM_IMPACT),
        text(execution, ChangeRollout.FORM_URGENCY), text(execution, ChangeRollout.FORM_PLANNED_ROLLOUT_DATE),
        text(execution, ChangeRollout.FORM_ROLLBACK_PLAN));
    Long changeId = changes.register(draft, execution.getProcessInstanceId());
    execution.removeVariables(START_FORM_FIELDS);
    execution.setVariable(ChangeRollout.VAR_CHANGE_ID, changeId);
    execution.setProcessBusinessKey(changeId.toString());
  }

  /** "Record risk": the decision table's risk, and who must approve at that risk. */
  public void recordRisk(DelegateExecution execution) {
    ChangeRequest change = inInstance(execution);
    Level level = Level.parse(ChangeRollout.VAR_RISK, (String) execution.getVariable(ChangeRollout.VAR_RISK));
    change.assessed(level, approversFor(change, level));
  }

  /** "Approve as standard change": a low-risk change needs no approver. */
  public void approveAsStandardChange(DelegateExecution execution) {
    ChangeRequest change = inInstance(execution);
    change.approvedAsStandard(ChangeService.now());
    approved(change);
  }

  /** Tells the owner and publishes {@link ChangeApproved}, in the step's transaction. */
  private void approved(ChangeRequest change) {
    mails.approved(change);
    events.publishEvent(new ChangeApproved(change.id(), change.title(), change.owner(), change.plannedRolloutDate()));
  }

  /** "Warn change owner": a team is not briefed one working day before the rollout. */
  public void warnOwner(DelegateExecution execution) {
    mails.briefingLate(inInstance(execution));
  }

  /**
   * "Approve change", "Approve high-risk change": who decided what, and why ({@link
   * ChangeAccess#requireMayDecide}); a rejection needs a comment. Sets {@code approved}.
   */
  public void recordApproval(DelegateTask delegateTask) {
    CompletedTask task = CompletedTask.of(delegateTask);
    ChangeRequest change = inInstance(task);
    access.requireMayDecide(change, task.decider());
    boolean approved = task.takeChoice(ChangeRollout.FORM_APPROVAL, ChangeRollout.APPROVE);
    String comment = task.take(ChangeRollout.FORM_COMMENT);
    if (!approved && comment == null) {
      throw ApiException.badField(ChangeRollout.FORM_COMMENT, "a rejection needs a comment that tells the owner what to improve");
    }
    Approval approval = change.decideApproval(task.instanceVariable(ChangeRollout.VAR_APPROVER), approved, task.decider().name(),
        ChangeService.now(), comment);
    if (!approved) {
      mails.rejected(change, approval);
    } else if (change.status() == ChangeStatus.APPROVED) {
      approved(change);
    }
    task.setFlag(ChangeRollout.VAR_APPROVED, approved);
  }

  /** "Rework change": resubmitted (perhaps at another impact or urgency) or withdrawn. Sets {@code resubmitted}. */
  public void recordRework(DelegateTask delegateTask) {
    CompletedTask task = CompletedTask.of(delegateTask);
    boolean resubmit = task.takeChoice(ChangeRollout.FORM_REWORK, ChangeRollout.RESUBMIT);
    String comment = task.take(ChangeRollout.FORM_COMMENT);
    Level impact = level(ChangeRollout.FORM_IMPACT, task.take(ChangeRollout.FORM_IMPACT));
    Level urgency = level(ChangeRollout.FORM_URGENCY, task.take(ChangeRollout.FORM_URGENCY));
    inInstance(task).reworked(resubmit, task.actor(), ChangeService.now(), comment, impact, urgency);
    task.setFlag(ChangeRollout.VAR_RESUBMITTED, resubmit);
  }

  /** "Plan communication". */
  public void recordCommunicationPlan(DelegateTask delegateTask) {
    CompletedTask task = CompletedTask.of(delegateTask);
    inInstance(task).communicationPlanned(task.actor(), ChangeService.now(),
        task.take(ChangeRollout.FORM_COMMUNICATION_PLAN), task.take(ChangeRollout.FORM_TRAINING_PLAN));
  }

  /** "Brief team", once per affected team. */
  public void recordBriefing(DelegateTask delegateTask) {
    CompletedTask task = CompletedTask.of(delegateTask);
    inInstance(task).teamBriefed(task.instanceVariable(ChangeRollout.VAR_TEAM), task.actor(), ChangeService.now(),
        task.take(ChangeRollout.FORM_COMMENT));
  }

  /** "Roll out change". */
  public void recordRollout(DelegateTask delegateTask) {
    CompletedTask task = CompletedTask.of(delegateTask);
    inInstance(task).rolledOut(task.actor(), ChangeService.now(), task.take(ChangeRollout.FORM_COMMENT));
  }

  /** "Verify outcome": the change works or not. Sets {@code successful}. */
  public void recordVerification(DelegateTask delegateTask) {
    CompletedTask task = CompletedTask.of(delegateTask);
    boolean successful = task.takeChoice(ChangeRollout.FORM_OUTCOME, ChangeRollout.SUCCESS);
    inInstance(task).verified(successful, task.actor(), ChangeService.now(), task.take(ChangeRollout.FORM_COMMENT));
    task.setFlag(ChangeRollout.VAR_SUCCESSFUL, successful);
  }

  /** "Roll back change". */
  public void recordRollback(DelegateTask delegateTask) {
    CompletedTask task = CompletedTask.of(delegateTask);
    inInstance(task).rolledBack(task.actor(), ChangeService.now(), task.take(ChangeRollout.FORM_COMMENT));
  }

  /** "Review implementation". */
  public void recordImplementationReview(DelegateTask delegateTask) {
    recordReview(CompletedTask.of(delegateTask), Review.Kind.POST_IMPLEMENTATION);
  }

  /** "Review failure". */
  public void recordFailureReview(DelegateTask delegateTask) {
    recordReview(CompletedTask.of(delegateTask), Review.Kind.FAILURE);
  }

  private void recordReview(CompletedTask task, Review.Kind kind) {
    inInstance(task).reviewed(kind, task.actor(), ChangeService.now(), task.take(ChangeRollout.FORM_COMMENT));
  }

  private ChangeRequest inInstance(DelegateExecution execution) {
    return inInstance((Long) execution.getVariable(ChangeRollout.VAR_CHANGE_ID), execution.getProcessInstanceId());
  }

  private ChangeRequest inInstance(CompletedTask task) {
    return inInstance(task.changeId(), task.processInstanceId());
  }

  /** The change as a step of process instance {@code processInstanceId} may change it: only its own. */
  private ChangeRequest inInstance(Long id, String processInstanceId) {
    ChangeRequest change = changes.load(id);
    change.requireProcessInstance(processInstanceId);
    return change;
  }

  /**
   * Low risk: nobody. Medium: the owner's manager (anyone of management if the owner has none).
   * High: every member of management but the owner.
   */
  private List<String> approversFor(ChangeRequest change, Level risk) {
    List<String> approvers = switch (risk) {
      case LOW -> List.of();
      case MEDIUM -> organisation.managerOf(change.owner()).map(List::of).orElse(List.of());
      case HIGH -> organisation.membersOf(OpsflowGroups.MANAGEMENT).stream().filter(m -> !m.equals(change.owner())).toList();
    };
    return risk != Level.LOW && approvers.isEmpty() ? Collections.singletonList(null) : approvers;
  }

  private static Level level(String field, String value) {
    return value == null ? null : Level.parse(field, value);
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
