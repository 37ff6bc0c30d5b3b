package io.opsflow.sla;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AbsenceRepository extends JpaRepository<Absence, Long> {

  /** The absence of this user on this day, if any. */
  @Query("select a from Absence a where a.userId = :userId and a.from <= :day and a.to >= :day order by a.id")
  List<Absence> findOn(@Param("userId") String userId, @Param("day") LocalDate day);

  default Optional<Absence> findAbsenceOn(String userId, LocalDate day) {
    return findOn(userId, day).stream().findFirst();
  }

  /** Which of these users are away on this day. */
  @Query("select distinct a.userId from Absence a where a.userId in :userIds and a.from <= :day and a.to >= :day")
  Set<String> findAbsentOn(@Param("userIds") Collection<String> userIds, @Param("day") LocalDate day);

  @Query("select count(a) > 0 from Absence a where a.userId = :userId and a.from <= :to and a.to >= :from")
  boolean overlaps(@Param("userId") String userId, @Param("from") LocalDate from, @Param("to") LocalDate to);

  List<Absence> findByUserIdAndToGreaterThanEqualOrderByFrom(String userId, LocalDate day);
}
