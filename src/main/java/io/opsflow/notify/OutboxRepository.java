package io.opsflow.notify;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.query.Param;

/**
 * The rows of an outbox ({@link OutboxSender}): an entity with {@code id}, an enum {@code status},
 * {@code attempts} and {@code nextAttemptAt}. A row is claimed before it is sent, so that two
 * senders never send it at once.
 *
 * @param <T> the outbox row
 */
@NoRepositoryBean
public interface OutboxRepository<T> extends JpaRepository<T, Long> {

  /** Takes a fresh row for its first attempt; 0 when someone else has it already. */
  @Modifying
  @Query("""
      update #{#entityName} e set e.status = :sending, e.attempts = 1, e.nextAttemptAt = :leaseEnd
      where e.id = :id and e.status = :pending and e.attempts = 0""")
  int claimFirstAttempt(@Param("id") long id, @Param("pending") Enum<?> pending, @Param("sending") Enum<?> sending,
      @Param("leaseEnd") Instant leaseEnd);

  /** Takes a row that is due for another attempt; 0 when someone else has it already. */
  @Modifying
  @Query("""
      update #{#entityName} e set e.status = :sending, e.attempts = e.attempts + 1, e.nextAttemptAt = :leaseEnd
      where e.id = :id and e.status in :due and e.nextAttemptAt <= :now and e.attempts < :maxAttempts""")
  int claimRetry(@Param("id") long id, @Param("due") Collection<? extends Enum<?>> due, @Param("sending") Enum<?> sending,
      @Param("now") Instant now, @Param("leaseEnd") Instant leaseEnd, @Param("maxAttempts") int maxAttempts);

  /** The rows due for another attempt, oldest first. */
  @Query("""
      select e.id from #{#entityName} e
      where e.status in :due and e.nextAttemptAt <= :now and e.attempts < :maxAttempts order by e.id""")
  List<Long> findDue(@Param("due") Collection<? extends Enum<?>> due, @Param("now") Instant now,
      @Param("maxAttempts") int maxAttempts, Pageable page);
}
