package io.opsflow.orders;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Reject order". */
@Component
class RejectOrderDelegate implements JavaDelegate {

  private final OrderService orders;

  RejectOrderDelegate(OrderService orders) {
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    orders.reject(OrderFulfillment.orderId(execution), execution.getProcessInstanceId());
  }
}
