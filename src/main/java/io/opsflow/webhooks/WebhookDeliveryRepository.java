package io.opsflow.webhooks;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface WebhookDeliveryRepository extends JpaRepository<WebhookDelivery, Long> {

  /** Takes a fresh delivery for its first attempt; 0 when someone else has it already. */
  @Modifying
  @Query("""
      update WebhookDelivery d set d.status = io.opsflow.webhooks.DeliveryStatus.SENDING, d.attempts = 1, d.nextAttemptAt = :leaseEnd
      where d.id = :id and d.status = io.opsflow.webhooks.DeliveryStatus.PENDING and d.attempts = 0""")
  int claimFirstAttempt(@Param("id") long id, @Param("leaseEnd") Instant leaseEnd);

  /** Takes a delivery that is due for another attempt; 0 when someone else has it already. */
  @Modifying
  @Query("""
      update WebhookDelivery d set d.status = io.opsflow.webhooks.DeliveryStatus.SENDING, d.attempts = d.attempts + 1,
          d.nextAttemptAt = :leaseEnd
      where d.id = :id and d.status in :statuses and d.nextAttemptAt <= :now and d.attempts < :maxAttempts""")
  int claimRetry(@Param("id") long id, @Param("statuses") Collection<DeliveryStatus> statuses, @Param("now") Instant now,
      @Param("leaseEnd") Instant leaseEnd, @Param("maxAttempts") int maxAttempts);

  @Query("""
      select d.id from WebhookDelivery d
      where d.status in :statuses and d.nextAttemptAt <= :now and d.attempts < :maxAttempts order by d.id""")
  List<Long> findDue(@Param("statuses") Collection<DeliveryStatus> statuses, @Param("now") Instant now,
      @Param("maxAttempts") int maxAttempts, Pageable page);

  List<WebhookDelivery> findTop200ByOrderByIdDesc();

  List<WebhookDelivery> findTop200BySubscriptionIdOrderByIdDesc(long subscriptionId);

  List<WebhookDelivery> findByEventId(String eventId);

  @Modifying
  @Query("delete from WebhookDelivery d where d.subscription.id = :subscriptionId")
  int deleteBySubscription(@Param("subscriptionId") long subscriptionId);
}
