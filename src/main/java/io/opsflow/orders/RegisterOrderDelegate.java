package io.opsflow.orders;

import static io.opsflow.orders.OrderFulfillment.VAR_CUSTOMER_EMAIL;
import static io.opsflow.orders.OrderFulfillment.VAR_CUSTOMER_NAME;
import static io.opsflow.orders.OrderFulfillment.VAR_LINE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.platform.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * "Register order" after "Order entered" in Tasklist: turns the start form into the order's rows,
 * names the instance after the order, and leaves only the order id and flags in the process. The
 * form's order lines are its groups {@code line1}, {@code line2}, ...; empty ones are skipped, so
 * a designer may add lines without a code change.
 */
@Component
class RegisterOrderDelegate implements JavaDelegate {

  private final OrderService orders;
  private final ObjectMapper json;

  RegisterOrderDelegate(OrderService orders, ObjectMapper json) {
    this.orders = orders;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<Integer, String> lineVariables = new TreeMap<>();
    for (String name : execution.getVariableNames()) {
      Matcher line = VAR_LINE.matcher(name);
      if (line.matches()) {
        lineVariables.put(Integer.parseInt(line.group(1)), name);
      }
    }
    List<NewOrder.Line> lines = new ArrayList<>();
    lineVariables.values().forEach(name -> line(name, execution.getVariableTyped(name, false)).ifPresent(lines::add));
    NewOrder entered = new NewOrder((String) execution.getVariable(VAR_CUSTOMER_NAME),
        (String) execution.getVariable(VAR_CUSTOMER_EMAIL), lines);

    Order order = orders.registerEntered(entered, execution.getProcessInstanceId());

    execution.setProcessBusinessKey(OrderFulfillment.businessKey(order.id()));
    execution.removeVariables(List.of(VAR_CUSTOMER_NAME, VAR_CUSTOMER_EMAIL));
    execution.removeVariables(lineVariables.values());
    execution.setVariables(OrderFulfillment.startVariables(order));
  }

  /** A form group arrives as a JSON variable (or JSON text from other clients); empty means none. */
  private Optional<NewOrder.Line> line(String name, TypedValue value) {
    String text = value instanceof SerializableValue serialized ? serialized.getValueSerialized()
        : String.valueOf(value.getValue());
    try {
      NewOrder.Line line = json.readValue(text, NewOrder.Line.class);
      boolean empty = line == null || (line.sku() == null || line.sku().isBlank()) && line.quantity() == null;
      return empty ? Optional.empty() : Optional.of(line);
    } catch (JsonProcessingException e) {
      throw ApiException.badField(name, "is not an order line with sku and quantity");
    }
  }
}
