package io.opsflow.webhooks;

import io.opsflow.changes.ChangeApproved;
import io.opsflow.onboarding.HireStarted;
import io.opsflow.orders.OrderCancelled;
import io.opsflow.orders.OrderShipped;
import io.opsflow.sla.TaskEscalated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The business events other modules publish, turned into webhook deliveries. Plain (not
 * transactional) listeners: they run in the transaction of the event, so the outbox rows commit
 * or roll back with it.
 */
@Component
class WebhookEventListener {

  private final WebhookOutbox outbox;

  WebhookEventListener(WebhookOutbox outbox) {
    this.outbox = outbox;
  }

  @EventListener
  void on(OrderShipped shipped) {
    outbox.publish(WebhookEvent.ORDER_SHIPPED, shipped, "Order " + shipped.orderId() + " for " + shipped.customerName()
        + " has shipped with " + shipped.carrier() + ", tracking number " + shipped.trackingNumber() + ".");
  }

  @EventListener
  void on(OrderCancelled cancelled) {
    outbox.publish(WebhookEvent.ORDER_CANCELLED, cancelled, "Order " + cancelled.orderId() + " for "
        + cancelled.customerName() + " was cancelled.");
  }

  @EventListener
  void on(TaskEscalated escalated) {
    outbox.publish(WebhookEvent.TASK_ESCALATED, escalated, "Escalated: \"" + escalated.taskName() + "\" in "
        + escalated.processName() + (escalated.businessKey() == null ? "" : " " + escalated.businessKey())
        + " is overdue" + (escalated.due() == null ? "" : " (due " + escalated.due() + ")")
        + (escalated.assignee() == null ? ", not assigned" : ", assigned to " + escalated.assignee())
        + "; escalated to " + (escalated.managers().isEmpty() ? "nobody" : String.join(", ", escalated.managers())) + ".");
  }

  @EventListener
  void on(ChangeApproved approved) {
    outbox.publish(WebhookEvent.CHANGE_APPROVED, approved, "Change " + approved.changeId() + " \"" + approved.title()
        + "\" of " + approved.owner() + " is approved for rollout on " + approved.plannedRolloutDate() + ".");
  }

  @EventListener
  void on(HireStarted started) {
    outbox.publish(WebhookEvent.HIRE_STARTED, started, started.name() + " starts today as " + started.role() + " in "
        + started.department() + ".");
  }
}
