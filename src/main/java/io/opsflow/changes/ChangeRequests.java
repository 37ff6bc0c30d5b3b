package io.opsflow.changes;

import io.opsflow.platform.ApiException;
import io.opsflow.platform.EngineIdentity;
import io.opsflow.platform.OpsflowGroups;
import io.opsflow.platform.Organisation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The change requests and every decision on them. The API submits and withdraws changes; the
 * process's delegates and task listeners record what happens at each step.
 */
@Service
@Transactional
class ChangeRequests {


  private final ChangeRequestRepository repository;
  private final Organisation organisation;
  private final Validator validator;
  private final RuntimeService runtimeService;
  private final EngineIdentity identity;
  private final ChangeCalendar calendar;
  private final ChangeMails mails;

  ChangeRequests(ChangeRequestRepository repository, Organisation organisation, Validator validator,
      RuntimeService runtimeService, EngineIdentity identity,
      ChangeCalendar calendar, ChangeMails mails) {
    this.repository = repository;
    this.organisation = organisation;
    this.validator = validator;
    this.runtimeService = runtimeService;
    this.identity = identity;
    this.calendar = calendar;
    this.mails = mails;
  }

  /** Stores a requested change and starts its process, which assesses the risk before this returns. */
  ChangeView submit(ChangeDraft draft) {
    ChangeRequest change = create(draft);
    ProcessInstance instance = runtimeService.createMessageCorrelation(ChangeRollout.MESSAGE_SUBMITTED)
        .processInstanceBusinessKey(change.id().toString())
        .setVariable(ChangeRollout.VAR_CHANGE_ID, change.id())
        .correlateStartMessage();
    change.startedAs(instance.getId());
    return ChangeView.of(change);
  }

  /** Stores a change requested with the Tasklist start form of an already running process. */
  Long register(ChangeDraft draft, String processInstanceId) {
    ChangeRequest change = create(draft);
    change.startedAs(processInstanceId);
    return change.id();
  }

  @Transactional(readOnly = true)
  ChangeView find(Long id) {
    return ChangeView.of(load(id));
  }

  @Transactional(readOnly = true)
  List<ChangeView.Summary> list() {
    return repository.findAllByOrderByIdDesc().stream().map(ChangeView.Summary::of).toList();
  }

  /**
   * Withdraws a change that is not yet rolled out. The owner, management and administrators may;
   * the process ends at "Change withdrawn".
   */
  ChangeView withdraw(Long id, String comment) {
    ChangeRequest change = load(id);
    String user = identity.currentUserId();
    if (!mayWithdraw(user, change)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "only the owner, management or an administrator may withdraw change " + id);
    }
    change.withdrawn(user, now(), comment);
    endProcessWithdrawn(change.processInstanceId());
    return ChangeView.of(change);
  }

  /**
   * Our own rule decided who may withdraw; the owner has no engine right to change the instance,
   * so the engine acts for itself here, for this one correlation.
   */
  private void endProcessWithdrawn(String processInstanceId) {
    identity.asEngine(() -> runtimeService.createMessageCorrelation(ChangeRollout.MESSAGE_WITHDRAWN)
        .processInstanceId(processInstanceId).correlateWithResult());
  }

  private boolean mayWithdraw(String user, ChangeRequest change) {
    return user != null && (user.equals(change.owner()) || organisation.isMember(user, OpsflowGroups.MANAGEMENT)
        || organisation.isMember(user, OpsflowGroups.ADMINISTRATORS));
  }

  void recordRisk(Long id, String processInstanceId, String risk) {
    ChangeRequest change = inInstance(id, processInstanceId);
    Level level = Level.parse(ChangeRollout.VAR_RISK, risk);
    change.assessed(level, approversFor(change, level));
  }

  void approveAsStandardChange(Long id, String processInstanceId) {
    ChangeRequest change = inInstance(id, processInstanceId);
    change.approvedAsStandard(now());
    mails.approved(change);
  }

  /**
   * Records the decision on one approval: the one of {@code approver} (a high-risk change's
   * approvers decide one each) or, if null, the single pending one. Returns whether it approves.
   * Who may decide: see {@link #requireMayDecide}.
   */
  boolean recordApproval(Long id, String processInstanceId, String approver, Decider decider, boolean approved,
      String comment) {
    ChangeRequest change = inInstance(id, processInstanceId);
    requireMayDecide(change, decider);
    if (!approved && comment == null) {
      throw ApiException.badField(ChangeRollout.FORM_COMMENT, "a rejection needs a comment that tells the owner what to improve");
    }
    Approval approval = change.decideApproval(approver, approved, decider.name(), now(), comment);
    if (!approved) {
      mails.rejected(change, approval);
    } else if (change.status() == ChangeStatus.APPROVED) {
      mails.approved(change);
    }
    return approved;
  }

  /**
   * Never the owner; an assigned approval only its assignee (the approver, or the absence
   * substitute the SLA module assigned), with no override by anyone else; an unassigned one any
   * member of management. Decisions without a logged-in user (engine jobs, the demo) are not checked.
   */
  private void requireMayDecide(ChangeRequest change, Decider decider) {
    String user = decider.user();
    if (user == null) {
      return;
    }
    if (user.equals(change.owner())) {
      throw new ApiException(HttpStatus.FORBIDDEN, user + " owns change " + change.id()
          + " and may not decide on its approval; another member of management must");
    }
    if (decider.assignee() != null && !user.equals(decider.assignee())) {
      throw new ApiException(HttpStatus.FORBIDDEN, "the approval of change " + change.id() + " is assigned to "
          + decider.assignee() + "; only " + decider.assignee() + " may decide on it, not " + user);
    }
    if (decider.assignee() == null && !organisation.isMember(user, OpsflowGroups.MANAGEMENT)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "only a member of management may decide on the approval of change "
          + change.id() + ", not " + user);
    }
  }

  /** Records the owner's rework decision; returns whether the change is resubmitted. */
  boolean recordRework(Long id, String processInstanceId, String by, boolean resubmit, String comment, Level impact,
      Level urgency) {
    inInstance(id, processInstanceId).reworked(resubmit, by, now(), comment, impact, urgency);
    return resubmit;
  }

  void recordCommunicationPlan(Long id, String processInstanceId, String by, String communication, String training) {
    inInstance(id, processInstanceId).communicationPlanned(by, now(), communication, training);
  }

  void recordBriefing(Long id, String processInstanceId, String team, String by, String notes) {
    inInstance(id, processInstanceId).teamBriefed(team, by, now(), notes);
  }

  void warnOwnerOfLateBriefing(Long id, String processInstanceId) {
    mails.briefingLate(inInstance(id, processInstanceId));
  }

  void recordRollout(Long id, String processInstanceId, String by, String notes) {
    inInstance(id, processInstanceId).rolledOut(by, now(), notes);
  }

  /** Records the verification; returns whether the change works. */
  boolean recordVerification(Long id, String processInstanceId, String by, boolean successful, String comment) {
    inInstance(id, processInstanceId).verified(successful, by, now(), comment);
    return successful;
  }

  void recordRollback(Long id, String processInstanceId, String by, String notes) {
    inInstance(id, processInstanceId).rolledBack(by, now(), notes);
  }

  void recordReview(Long id, String processInstanceId, Review.Kind kind, String by, String findings) {
    inInstance(id, processInstanceId).reviewed(kind, by, now(), findings);
  }

  /** The change as a step of process instance {@code processInstanceId} may change it: only its own. */
  private ChangeRequest inInstance(Long id, String processInstanceId) {
    ChangeRequest change = load(id);
    change.requireProcessInstance(processInstanceId);
    return change;
  }

  ChangeRequest load(Long id) {
    return repository.findById(id).orElseThrow(() -> ApiException.notFound("change", id));
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

  private ChangeRequest create(ChangeDraft draft) {
    Set<ConstraintViolation<ChangeDraft>> violations = validator.validate(draft);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    if (!organisation.userExists(draft.owner())) {
      throw ApiException.badField(ChangeRollout.FORM_OWNER, "there is no user '" + draft.owner() + "'");
    }
    Level.parse(ChangeRollout.FORM_IMPACT, draft.impact());
    Level.parse(ChangeRollout.FORM_URGENCY, draft.urgency());
    List<String> teams = draft.affectedTeams().stream().map(String::strip).distinct().toList();
    teams.stream().filter(team -> !organisation.isDepartment(team)).findFirst().ifPresent(team -> {
      throw ApiException.badField(ChangeRollout.FORM_AFFECTED_TEAMS,
          "'" + team + "' is no team; teams are the departments " + organisation.departmentIds());
    });
    LocalDate rolloutDate = rolloutDate(draft.plannedRolloutDate());
    return repository.save(new ChangeRequest(draft, teams, rolloutDate, now()));
  }

  private LocalDate rolloutDate(String isoDate) {
    LocalDate date;
    try {
      date = LocalDate.parse(isoDate);
    } catch (DateTimeParseException e) {
      throw ApiException.badField(ChangeRollout.FORM_PLANNED_ROLLOUT_DATE, "'" + isoDate + "' is no date like 2026-05-04");
    }
    if (date.isBefore(calendar.today())) {
      throw ApiException.badField(ChangeRollout.FORM_PLANNED_ROLLOUT_DATE, date + " is in the past");
    }
    return date;
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
