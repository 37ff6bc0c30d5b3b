package io.opsflow.sla;

import io.opsflow.platform.Organisation;
import io.opsflow.platform.WorkingCalendar;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is away today (on the engine clock, in the calendar's zone), and who stands in: the
 * substitute for their work, their own manager for what reaches them as a manager.
 */
@Service
@Transactional(readOnly = true)
class Absences {

  private final AbsenceRepository absences;
  private final Organisation organisation;
  private final WorkingCalendar calendar;

  Absences(AbsenceRepository absences, Organisation organisation, WorkingCalendar calendar) {
    this.absences = absences;
    this.organisation = organisation;
    this.calendar = calendar;
  }

  LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), calendar.zone());
  }

  boolean isAbsent(String userId) {
    return absenceToday(userId).isPresent();
  }

  /** Those of the users who are away today. */
  Set<String> absentAmong(Collection<String> userIds) {
    return userIds.isEmpty() ? Set.of() : absences.findAbsentOn(userIds, today());
  }

  /**
   * The user, or while they are away their substitute; a substitute who is away too is stood in
   * for by their manager (and so on up, as {@link #managerFor}); someone at the top who is away
   * by their own substitute.
   */
  String workerFor(String userId) {
    Optional<Absence> absence = absenceToday(userId);
    if (absence.isEmpty()) {
      return userId;
    }
    String worker = absence.get().substitute();
    Set<String> seen = new HashSet<>(Set.of(userId));
    while (isAbsent(worker) && seen.add(worker)) {
      worker = standInFor(worker);
    }
    return isAbsent(worker) ? userId : worker; // everyone in the chain away: leave it with the user
  }

  /** Who stands in for a substitute who is away too: their manager, at the top their own substitute. */
  String standInFor(String awaySubstitute) {
    return organisation.managerOf(awaySubstitute)
        .orElseGet(() -> absenceToday(awaySubstitute).map(Absence::substitute).orElse(awaySubstitute));
  }

  /** The absence of this user today, if any. */
  Optional<Absence> absenceToday(String userId) {
    return absences.findAbsenceOn(userId, today());
  }

  /**
   * The manager, or while they are away their own manager (and so on up); at the top, the
   * substitute of the absent manager.
   */
  String managerFor(String managerId) {
    String manager = managerId;
    Set<String> seen = new HashSet<>();
    while (isAbsent(manager) && seen.add(manager)) {
      Optional<String> above = organisation.managerOf(manager);
      if (above.isEmpty()) {
        return workerFor(manager);
      }
      manager = above.get();
    }
    return manager;
  }
}
