package io.opsflow.orders;

import static io.opsflow.orders.OrderFulfillment.VAR_CARRIER;
import static io.opsflow.orders.OrderFulfillment.VAR_TRACKING_NUMBER;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record shipment": checks and stores carrier and tracking number from "Ship order" on the
 * order. Invalid input fails the completion of "Ship order", so the employee corrects it.
 */
@Component
class RecordShipmentDelegate implements JavaDelegate {

  private final OrderService orders;

  RecordShipmentDelegate(OrderService orders) {
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    orders.ship(OrderFulfillment.orderId(execution), execution.getProcessInstanceId(), (String) execution.getVariable(VAR_CARRIER),
        (String) execution.getVariable(VAR_TRACKING_NUMBER));
    execution.removeVariables(List.of(VAR_CARRIER, VAR_TRACKING_NUMBER));
  }
}
