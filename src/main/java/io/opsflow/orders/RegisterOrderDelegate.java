package io.opsflow.orders;

import static io.opsflow.orders.OrderFulfillment.VAR_CUSTOMER_EMAIL;
import static io.opsflow.orders.OrderFulfillment.VAR_CUSTOMER_NAME;
import static io.opsflow.orders.OrderFulfillment.VAR_LINES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.platform.ApiException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * "Register order" after "Order entered" in Tasklist: turns the start form into the order's rows,
 * names the instance after the order, and leaves only the order id and flags in the process.
 */
@Component
class RegisterOrderDelegate implements JavaDelegate {

  private static final TypeReference<List<NewOrder.Line>> LINES = new TypeReference<>() {};

  private final OrderService orders;
  private final ObjectMapper json;

  RegisterOrderDelegate(OrderService orders, ObjectMapper json) {
    this.orders = orders;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NewOrder entered = new NewOrder((String) execution.getVariable(VAR_CUSTOMER_NAME),
        (String) execution.getVariable(VAR_CUSTOMER_EMAIL), lines(execution.getVariableTyped(VAR_LINES, false)));
    Order order = orders.registerEntered(entered, execution.getProcessInstanceId());
    execution.setProcessBusinessKey(OrderFulfillment.businessKey(order.id()));
    execution.removeVariables(List.of(VAR_CUSTOMER_NAME, VAR_CUSTOMER_EMAIL, VAR_LINES));
    execution.setVariables(OrderFulfillment.startVariables(order));
  }

  /** The form's dynamic list arrives as a JSON variable (or JSON text from other clients). */
  private List<NewOrder.Line> lines(TypedValue value) {
    if (value == null) {
      return List.of();
    }
    String text = value instanceof SerializableValue serialized ? serialized.getValueSerialized()
        : String.valueOf(value.getValue());
    try {
      return json.readValue(text, LINES);
    } catch (JsonProcessingException e) {
      throw ApiException.badField(VAR_LINES, "is not a list of lines with sku and quantity");
    }
  }
}
