package io.opsflow.orders;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Reserve stock": sets the flag of "Items in stock?". */
@Component
class ReserveStockDelegate implements JavaDelegate {

  private final Inventory inventory;

  ReserveStockDelegate(Inventory inventory) {
    this.inventory = inventory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(OrderFulfillment.VAR_IN_STOCK, inventory.reserve(OrderFulfillment.orderId(execution),
        execution.getProcessInstanceId()));
  }
}
