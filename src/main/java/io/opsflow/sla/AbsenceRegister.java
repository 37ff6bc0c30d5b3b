package io.opsflow.sla;

import io.opsflow.platform.ApiException;
import io.opsflow.platform.CalendarDates;
import io.opsflow.platform.EngineIdentity;
import io.opsflow.platform.OpsflowGroups;
import io.opsflow.platform.Organisation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records, changes and ends absences for the logged-in user: their own, or anyone's for
 * management and administrators. An absence that runs today hands over its person's tasks at
 * once; one that ends early reports what was handed over at once.
 */
@Service
@Transactional
class AbsenceRegister {

  static final Set<String> MAY_RECORD_FOR_OTHERS = Set.of(OpsflowGroups.MANAGEMENT, OpsflowGroups.ADMINISTRATORS);

  /** An absence as recorded, with what the person should know about it (a substitute away too). */
  record Recorded(Absence absence, List<String> notices) {}

  private final AbsenceRepository absences;
  private final Absences today;
  private final Organisation organisation;
  private final Substitutes substitutes;
  private final AbsenceHandover handover;
  private final CalendarDates dates;
  private final EngineIdentity identity;
  private final IdentityService identityService;

  AbsenceRegister(AbsenceRepository absences, Absences today, Organisation organisation, Substitutes substitutes,
      AbsenceHandover handover, CalendarDates dates, EngineIdentity identity, IdentityService identityService) {
    this.absences = absences;
    this.today = today;
    this.organisation = organisation;
    this.substitutes = substitutes;
    this.handover = handover;
    this.dates = dates;
    this.identity = identity;
    this.identityService = identityService;
  }

  /** Records that {@code userId} (the logged-in user when null) is away. */
  Recorded record(String userId, LocalDate from, LocalDate to, String substitute) {
    String absent = userId == null || userId.isBlank() ? identity.currentUserId() : userId;
    requireMayManage(absent);
    if (!organisation.userExists(absent)) {
      throw ApiException.badField("userId", "user " + absent + " does not exist");
    }
    requireValid(absent, from, to, substitute, -1);
    if (from.isBefore(today.today())) {
      throw ApiException.badField("from", "is in the past; an absence starts today at the earliest");
    }
    Absence absence = absences.save(new Absence(absent, from, to, substitute, identity.currentUserId(), Instant.now()));
    return started(absence);
  }

  /** Changes the days or the substitute of an absence that is not over; a running one keeps its first day. */
  Recorded change(long id, LocalDate from, LocalDate to, String substitute) {
    Absence absence = managed(id);
    requireNotOver(absence);
    requireValid(absence.userId(), from, to, substitute, id);
    if (absence.isHandedOver() ? !from.equals(absence.from()) : from.isBefore(today.today())) {
      throw ApiException.badField("from", absence.isHandedOver()
          ? "cannot change: the absence began on " + dates.day(absence.from()) + "; end it or change its last day"
          : "is in the past; an absence starts today at the earliest");
    }
    absence.change(from, to, substitute);
    return started(absence);
  }

  /**
   * Ends an absence: one that has not begun is removed; a running one ends now (the person is
   * back today) and they get the list of what was handed over.
   */
  void end(long id) {
    Absence absence = managed(id);
    requireNotOver(absence);
    if (!absence.isHandedOver()) {
      absences.delete(absence);
      return;
    }
    absence.end(Instant.now());
    handover.report(absence);
  }

  /** The current and future absences of {@code userId} (the logged-in user when null). */
  @Transactional(readOnly = true)
  List<Absence> upcoming(String userId) {
    String absent = userId == null || userId.isBlank() ? identity.currentUserId() : userId;
    requireMayManage(absent);
    return absences.findByUserIdAndToGreaterThanEqualAndEndedAtIsNullOrderByFrom(absent, today.today());
  }

  /** The current and future absences in which the logged-in user stands in for someone. */
  @Transactional(readOnly = true)
  List<Absence> standingInFor() {
    return absences.findBySubstituteAndToGreaterThanEqualAndEndedAtIsNullOrderByFrom(identity.currentUserId(),
        today.today());
  }

  /** The logged-in user's absences of the last 30 days whose list of handed-over tasks was sent. */
  @Transactional(readOnly = true)
  List<Absence> reported() {
    return absences.findByUserIdAndReportedAtIsNotNullAndToGreaterThanEqualOrderByFromDesc(identity.currentUserId(),
        today.today().minusDays(30));
  }

  /** The people who may stand in for the logged-in user. */
  @Transactional(readOnly = true)
  List<String> substitutesForMe() {
    return substitutes.candidatesFor(identity.currentUserId());
  }

  void delete(long id) {
    absences.delete(managed(id));
  }

  private Absence managed(long id) {
    Absence absence = absences.findById(id).orElseThrow(() -> ApiException.notFound("absence", id));
    requireMayManage(absence.userId());
    return absence;
  }

  private void requireNotOver(Absence absence) {
    if (absence.isEnded() || absence.to().isBefore(today.today())) {
      throw ApiException.conflict("the absence of " + absence.userId() + " from " + dates.day(absence.from()) + " to "
          + dates.day(absence.to()) + " is over");
    }
  }

  /** The rules of an absence's days and substitute; {@code except} is the absence being changed. */
  private void requireValid(String absent, LocalDate from, LocalDate to, String substitute, long except) {
    if (to.isBefore(from)) {
      throw ApiException.badField("to", "must not be before from (" + from + ")");
    }
    if (to.isBefore(today.today())) {
      throw ApiException.badField("to", "is in the past");
    }
    if (!organisation.userExists(substitute)) {
      throw ApiException.badField("substitute", "user " + substitute + " does not exist");
    }
    if (substitute.equals(absent)) {
      throw ApiException.badField("substitute", "must be someone other than " + absent);
    }
    String refusal = substitutes.refusal(absent, substitute);
    if (refusal != null) {
      throw ApiException.badField("substitute", refusal);
    }
    absences.overlapping(absent, from, to, except).stream().findFirst().ifPresent(other -> {
      throw ApiException.conflict(absent + " is already recorded as away from " + dates.day(other.from()) + " to "
          + dates.day(other.to()) + " (substitute " + other.substitute() + "); change that absence instead");
    });
  }

  /** Hands over at once what an absence that runs today finds; tells of a substitute who is away too. */
  private Recorded started(Absence absence) {
    if (absence.runsOn(today.today()) && !absence.isHandedOver()) {
      handover.start(absence);
    }
    List<String> notices = new ArrayList<>();
    for (Absence away : absences.overlapping(absence.substitute(), absence.from(), absence.to(), -1)) {
      notices.add(absence.substitute() + " is away too from " + dates.day(away.from()) + " to " + dates.day(away.to())
          + "; on those days " + organisation.managerOf(absence.substitute()).orElse(away.substitute()) + " stands in for " + absence.userId());
    }
    return new Recorded(absence, notices);
  }

  private void requireMayManage(String absentUser) {
    String user = identity.currentUserId();
    if (absentUser.equals(user)) {
      return;
    }
    Authentication authentication = identityService.getCurrentAuthentication();
    List<String> groups = authentication == null || authentication.getGroupIds() == null
        ? List.of() : authentication.getGroupIds();
    if (groups.stream().noneMatch(MAY_RECORD_FOR_OTHERS::contains)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "only management records absences of others");
    }
  }
}
