package io.opsflow.orders;

import static io.opsflow.orders.OrderFulfillment.VAR_ITEMS_MISSING;
import static io.opsflow.orders.OrderFulfillment.VAR_MISSING_QUANTITY;
import static io.opsflow.orders.OrderFulfillment.VAR_MISSING_SKU;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record shortage" after "Items missing": books what the picker reported, then clears the
 * picking form's answers so that the next picking starts with an empty form.
 */
@Component
class RecordShortageDelegate implements JavaDelegate {

  private final Inventory inventory;

  RecordShortageDelegate(Inventory inventory) {
    this.inventory = inventory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object missing = execution.getVariable(VAR_MISSING_QUANTITY);
    inventory.recordShortage(OrderFulfillment.orderId(execution), execution.getProcessInstanceId(),
        (String) execution.getVariable(VAR_MISSING_SKU), missing instanceof Number number ? number.intValue() : null);
    execution.removeVariables(List.of(VAR_ITEMS_MISSING, VAR_MISSING_SKU, VAR_MISSING_QUANTITY));
  }
}
