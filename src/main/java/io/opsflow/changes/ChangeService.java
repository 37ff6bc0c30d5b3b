package io.opsflow.changes;

import io.opsflow.platform.ApiException;
import io.opsflow.platform.EngineIdentity;
import io.opsflow.platform.Organisation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The change requests as the API serves them: submit (which starts the process), look up, list,
 * withdraw. What each step of the process records is {@link ChangeSteps}.
 */
@Service
@Transactional
class ChangeService {

  private final ChangeRequestRepository repository;
  private final Organisation organisation;
  private final Validator validator;
  private final RuntimeService runtimeService;
  private final EngineIdentity identity;
  private final ChangeCalendar calendar;
  private final ChangeAccess access;

  ChangeService(ChangeRequestRepository repository, Organisation organisation, Validator validator,
      RuntimeService runtimeService, EngineIdentity identity, ChangeCalendar calendar, ChangeAccess access) {
    this.repository = repository;
    this.organisation = organisation;
    this.validator = validator;
    this.runtimeService = runtimeService;
    this.identity = identity;
    this.calendar = calendar;
    this.access = access;
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

  /** The latest 200 changes, newest first. */
  @Transactional(readOnly = true)
  List<ChangeView.Summary> list() {
    return repository.findTop200ByOrderByIdDesc().stream().map(ChangeView.Summary::of).toList();
  }

  /**
   * Withdraws a change that is not yet rolled out. The owner, management and administrators may;
   * the process ends at "Change withdrawn".
   */
  ChangeView withdraw(Long id, String comment) {
    ChangeRequest change = load(id);
    String user = identity.currentUserId();
    if (!access.mayWithdraw(user, change)) {
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

  ChangeRequest load(Long id) {
    return repository.findById(id).orElseThrow(() -> ApiException.notFound("change", id));
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

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
