package io.opsflow.orders;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Cancel order", after sales' decision or on request at any time: releases stock, closes the order. */
@Component
class CancelOrderDelegate implements JavaDelegate {

  private final OrderService orders;

  CancelOrderDelegate(OrderService orders) {
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    orders.cancel(OrderFulfillment.orderId(execution), execution.getProcessInstanceId());
  }
}
