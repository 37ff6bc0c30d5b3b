package io.opsflow.orders;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of "Pick and pack order": a picker who ticked "Items are missing" raises the BPMN
 * error "Items missing" (back to the backorder decision); otherwise the order is packed.
 */
@Component
class PickAndPackCompletedListener implements TaskListener {

  private final OrderService orders;

  PickAndPackCompletedListener(OrderService orders) {
    this.orders = orders;
  }

  @Override
  public void notify(DelegateTask task) {
    long orderId = OrderFulfillment.orderId(task);
    if (Boolean.TRUE.equals(task.getVariable(OrderFulfillment.VAR_ITEMS_MISSING))) {
      throw new BpmnError(OrderFulfillment.ERROR_ITEMS_MISSING, "items missing while picking order " + orderId);
    }
    orders.packed(orderId, task.getProcessInstanceId());
  }
}
