package io.opsflow.sla;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Absences; one that was ended early counts no more from then on. */
interface AbsenceRepository extends JpaRepository<Absence, Long> {

  /** The absence of this user on this day, if any. */
  @Query("select a from Absence a where a.userId = :userId and a.from <= :day and a.to >= :day and a.endedAt is null"
      + " order by a.id")
  List<Absence> findOn(@Param("userId") String userId, @Param("day") LocalDate day);

  default Optional<Absence> findAbsenceOn(String userId, LocalDate day) {
    return findOn(userId, day).stream().findFirst();
  }

  /** Which of these users are away on this day. */
  @Query("select distinct a.userId from Absence a where a.userId in :userIds and a.from <= :day and a.to >= :day"
      + " and a.endedAt is null")
  Set<String> findAbsentOn(@Param("userIds") Collection<String> userIds, @Param("day") LocalDate day);

  /** The user's absences that share a day with {@code from} to {@code to}, but the one with id {@code except}. */
  @Query("select a from Absence a where a.userId = :userId and a.from <= :to and a.to >= :from and a.endedAt is null"
      + " and a.id <> :except order by a.from")
  List<Absence> overlapping(@Param("userId") String userId, @Param("from") LocalDate from, @Param("to") LocalDate to,
      @Param("except") long except);

  List<Absence> findByUserIdAndToGreaterThanEqualAndEndedAtIsNullOrderByFrom(String userId, LocalDate day);

  /** The user's absences that began and whose list of handed-over tasks was sent, the latest first. */
  List<Absence> findByUserIdAndReportedAtIsNotNullAndToGreaterThanEqualOrderByFromDesc(String userId, LocalDate since);

  /** Whom this user stands in for, now or later. */
  List<Absence> findBySubstituteAndToGreaterThanEqualAndEndedAtIsNullOrderByFrom(String substitute, LocalDate day);

  /** Absences that run on this day and have not handed over their person's tasks yet. */
  @Query("select a from Absence a where a.handedOverAt is null and a.endedAt is null and a.from <= :day"
      + " and a.to >= :day order by a.id")
  List<Absence> findStartedNotHandedOver(@Param("day") LocalDate day);

  /** Absences that began and are over (ended early, or their last day before this one), not reported yet. */
  @Query("select a from Absence a where a.handedOverAt is not null and a.reportedAt is null"
      + " and (a.endedAt is not null or a.to < :day) order by a.id")
  List<Absence> findOverNotReported(@Param("day") LocalDate day);
}
