package io.opsflow.webhooks;

import io.opsflow.notify.OutboxRepository;
import java.util.List;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface WebhookDeliveryRepository extends OutboxRepository<WebhookDelivery> {

  List<WebhookDelivery> findTop200ByOrderByIdDesc();

  List<WebhookDelivery> findTop200BySubscriptionIdOrderByIdDesc(long subscriptionId);

  List<WebhookDelivery> findByEventId(String eventId);

  @Modifying
  @Query("delete from WebhookDelivery d where d.subscription.id = :subscriptionId")
  int deleteBySubscription(@Param("subscriptionId") long subscriptionId);
}
