package io.opsflow.notify;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OutboxMailRepository extends JpaRepository<OutboxMail, Long> {

  boolean existsByKey(String key);

  long countByStatusIn(Collection<MailStatus> statuses);

  Optional<OutboxMail> findByKey(String key);

  /** Takes a fresh mail for its first attempt; 0 when someone else has it already. */
  @Modifying
  @Query("""
      update OutboxMail m set m.status = io.opsflow.notify.MailStatus.SENDING, m.attempts = 1, m.nextAttemptAt = :leaseEnd
      where m.id = :id and m.status = io.opsflow.notify.MailStatus.PENDING and m.attempts = 0""")
  int claimFirstAttempt(@Param("id") long id, @Param("leaseEnd") Instant leaseEnd);

  /** Takes a mail that is due for another attempt; 0 when someone else has it already. */
  @Modifying
  @Query("""
      update OutboxMail m set m.status = io.opsflow.notify.MailStatus.SENDING, m.attempts = m.attempts + 1, m.nextAttemptAt = :leaseEnd
      where m.id = :id and m.status in :statuses and m.nextAttemptAt <= :now and m.attempts < :maxAttempts""")
  int claimRetry(@Param("id") long id, @Param("statuses") Collection<MailStatus> statuses, @Param("now") Instant now,
      @Param("leaseEnd") Instant leaseEnd, @Param("maxAttempts") int maxAttempts);

  @Query("""
      select m.id from OutboxMail m
      where m.status in :statuses and m.nextAttemptAt <= :now and m.attempts < :maxAttempts order by m.id""")
  List<Long> findDue(@Param("statuses") Collection<MailStatus> statuses, @Param("now") Instant now,
      @Param("maxAttempts") int maxAttempts, Pageable page);
}
