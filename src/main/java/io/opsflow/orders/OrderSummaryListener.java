package io.opsflow.orders;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On every user task of the process: puts the order, as of now, on the task (task-local
 * {@code orderSummary}), where its form shows it. The process itself keeps only the order id.
 */
@Component
class OrderSummaryListener implements TaskListener {

  private final OrderService orders;

  OrderSummaryListener(OrderService orders) {
    this.orders = orders;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal(OrderFulfillment.VAR_ORDER_SUMMARY, orders.summary(OrderFulfillment.orderId(task), task.getProcessInstanceId()));
  }
}
