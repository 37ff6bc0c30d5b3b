package io.opsflow.sla;

import io.opsflow.platform.ApiException;
import io.opsflow.platform.EngineIdentity;
import io.opsflow.platform.OpsflowGroups;
import io.opsflow.platform.Organisation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records absences for the logged-in user: their own, or anyone's for management and
 * administrators.
 */
@Service
@Transactional
class AbsenceRegister {

  static final Set<String> MAY_RECORD_FOR_OTHERS = Set.of(OpsflowGroups.MANAGEMENT, OpsflowGroups.ADMINISTRATORS);

  private final AbsenceRepository absences;
  private final Absences today;
  private final Organisation organisation;
  private final EngineIdentity identity;
  private final IdentityService identityService;

  AbsenceRegister(AbsenceRepository absences, Absences today, Organisation organisation, EngineIdentity identity,
      IdentityService identityService) {
    this.absences = absences;
    this.today = today;
    this.organisation = organisation;
    this.identity = identity;
    this.identityService = identityService;
  }

  /** Records that {@code userId} (the logged-in user when null) is away; returns the absence. */
  Absence record(String userId, LocalDate from, LocalDate to, String substitute) {
    String absent = userId == null || userId.isBlank() ? identity.currentUserId() : userId;
    requireMayManage(absent);
    if (!organisation.userExists(absent)) {
      throw ApiException.badField("userId", "user " + absent + " does not exist");
    }
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
    if (absences.overlaps(absent, from, to)) {
      throw ApiException.conflict(absent + " is already recorded as away between " + from + " and " + to);
    }
    return absences.save(new Absence(absent, from, to, substitute, identity.currentUserId(), Instant.now()));
  }

  /** The current and future absences of {@code userId} (the logged-in user when null). */
  @Transactional(readOnly = true)
  List<Absence> upcoming(String userId) {
    String absent = userId == null || userId.isBlank() ? identity.currentUserId() : userId;
    requireMayManage(absent);
    return absences.findByUserIdAndToGreaterThanEqualOrderByFrom(absent, today.today());
  }

  void delete(long id) {
    Absence absence = absences.findById(id).orElseThrow(() -> ApiException.notFound("absence", id));
    requireMayManage(absence.userId());
    absences.delete(absence);
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
