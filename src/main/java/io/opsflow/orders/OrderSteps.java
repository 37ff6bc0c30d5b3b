package io.opsflow.orders;

import static io.opsflow.orders.OrderFulfillment.orderId;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.platform.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * What each step of {@code processes/order-fulfillment.bpmn} records on its order, called by
 * method expression: service tasks {@code ${orderSteps.reserveStock(execution)}}, task listeners
 * {@code ${orderSteps.recordApproval(task)}}. Each step changes only the order of its own process
 * instance, takes the form fields it reads out of the process and sets the flags the gateways read.
 * Public because the engine's expression language calls it.
 */
@Component("orderSteps")
public class OrderSteps {

  private final OrderService orders;
  private final Inventory inventory;
  private final CustomerNotices notices;
  private final ObjectMapper json;

  OrderSteps(OrderService orders, Inventory inventory, CustomerNotices notices, ObjectMapper json) {
    this.orders = orders;
    this.inventory = inventory;
    this.notices = notices;
    this.json = json;
  }

  /**
   * "Register order" after "Order entered" in Tasklist: turns the start form into the order's rows,
   * names the instance after the order, and leaves only the order id and flags in the process. The
   * form's order lines are its groups {@code line1}, {@code line2}, ...; empty ones are skipped, so
   * a designer may add lines without a code change.
   */
  public void register(DelegateExecution execution) {
    Map<Integer, String> lineVariables = new TreeMap<>();
    for (String name : execution.getVariableNames()) {
      Matcher line = OrderFulfillment.FORM_LINE.matcher(name);
      if (line.matches()) {
        lineVariables.put(Integer.parseInt(line.group(1)), name);
      }
    }
    List<NewOrder.Line> lines = new ArrayList<>();
    lineVariables.values().forEach(name -> line(name, execution.getVariableTyped(name, false)).ifPresent(lines::add));
    NewOrder entered = new NewOrder((String) execution.getVariable(OrderFulfillment.FORM_CUSTOMER_NAME),
        (String) execution.getVariable(OrderFulfillment.FORM_CUSTOMER_EMAIL), lines);
    Order order = orders.registerEntered(entered, execution.getProcessInstanceId());
    execution.setProcessBusinessKey(OrderFulfillment.businessKey(order.id()));
    execution.removeVariables(List.of(OrderFulfillment.FORM_CUSTOMER_NAME, OrderFulfillment.FORM_CUSTOMER_EMAIL));
    execution.removeVariables(lineVariables.values());
    execution.setVariables(OrderFulfillment.startVariables(order));
  }

  /** On the creation of a user task: the order as the employee reads it, task-local. */
  public void showSummary(DelegateTask task) {
    task.setVariableLocal(OrderFulfillment.LOCAL_ORDER_SUMMARY, orders.summary(orderId(task), task.getProcessInstanceId()));
  }

  /** "Approve order" completed: the decision is recorded on the order; sets {@code orderApproved}. */
  public void recordApproval(DelegateTask task) {
    Object decision = task.getVariable(OrderFulfillment.FORM_APPROVAL_DECISION);
    boolean approved = orders.decideApproval(orderId(task), task.getProcessInstanceId(),
        decision == null ? null : decision.toString(), task.getAssignee());
    task.removeVariable(OrderFulfillment.FORM_APPROVAL_DECISION);
    task.getExecution().setVariable(OrderFulfillment.VAR_ORDER_APPROVED, approved);
  }

  /**
   * "Correct unknown articles" completed: the catalogue's article for each unknown one is recorded
   * and the order priced; sets {@code articlesKnown} and {@code approvalNeeded}.
   */
  public void recordArticleCorrections(DelegateTask task) {
    Object corrections = task.getVariable(OrderFulfillment.FORM_SKU_CORRECTIONS);
    Order order = orders.correctArticles(orderId(task), task.getProcessInstanceId(),
        corrections == null ? null : corrections.toString());
    task.removeVariable(OrderFulfillment.FORM_SKU_CORRECTIONS);
    task.getExecution().setVariables(OrderFulfillment.startVariables(order));
  }

  /** "Reject order". */
  public void reject(DelegateExecution execution) {
    orders.reject(orderId(execution), execution.getProcessInstanceId());
  }

  /** "Reserve stock": sets {@code inStock}. */
  public void reserveStock(DelegateExecution execution) {
    execution.setVariable(OrderFulfillment.VAR_IN_STOCK, inventory.reserve(orderId(execution), execution.getProcessInstanceId()));
  }

  /** "Decide on backorder" completed: sets {@code waitForStock} from sales' decision, or a 400 naming the field. */
  public void recordBackorderDecision(DelegateTask task) {
    Object decision = task.getVariable(OrderFulfillment.FORM_BACKORDER_DECISION);
    boolean wait = OrderFulfillment.WAIT_FOR_STOCK.equals(decision);
    if (!wait && !OrderFulfillment.CANCEL_ORDER.equals(decision)) {
      throw ApiException.badField(OrderFulfillment.FORM_BACKORDER_DECISION, "must be '" + OrderFulfillment.WAIT_FOR_STOCK
          + "' or '" + OrderFulfillment.CANCEL_ORDER + "', not '" + decision + "'");
    }
    task.removeVariable(OrderFulfillment.FORM_BACKORDER_DECISION);
    task.getExecution().setVariable(OrderFulfillment.VAR_WAIT_FOR_STOCK, wait);
  }

  /** "Pick and pack order" completed: packed, or items missing (error {@code Error_ItemsMissing}). */
  public void recordPacked(DelegateTask task) {
    long orderId = orderId(task);
    if (Boolean.TRUE.equals(task.getVariable(OrderFulfillment.FORM_ITEMS_MISSING))) {
      throw new BpmnError(OrderFulfillment.ERROR_ITEMS_MISSING, "items missing while picking order " + orderId);
    }
    orders.packed(orderId, task.getProcessInstanceId());
  }

  /** "Record shortage" after items were missing: what the picker could not find. */
  public void recordShortage(DelegateExecution execution) {
    Object missing = execution.getVariable(OrderFulfillment.FORM_MISSING_QUANTITY);
    inventory.recordShortage(orderId(execution), execution.getProcessInstanceId(),
        (String) execution.getVariable(OrderFulfillment.FORM_MISSING_SKU), missing instanceof Number number ? number.intValue() : null);
    execution.removeVariables(List.of(OrderFulfillment.FORM_ITEMS_MISSING, OrderFulfillment.FORM_MISSING_SKU,
        OrderFulfillment.FORM_MISSING_QUANTITY));
  }

  /** "Record shipment": carrier and tracking number from the "Ship order" form. */
  public void recordShipment(DelegateExecution execution) {
    orders.ship(orderId(execution), execution.getProcessInstanceId(), (String) execution.getVariable(OrderFulfillment.FORM_CARRIER),
        (String) execution.getVariable(OrderFulfillment.FORM_TRACKING_NUMBER));
    execution.removeVariables(List.of(OrderFulfillment.FORM_CARRIER, OrderFulfillment.FORM_TRACKING_NUMBER));
  }

  /** "Cancel order". */
  public void cancel(DelegateExecution execution) {
    orders.cancel(orderId(execution), execution.getProcessInstanceId());
  }

  /**
   * The "Send ..." tasks: {@code ${orderSteps.sendCustomerNotice(execution, 'SHIPPING')}} names
   * the {@link CustomerNotice} in the expression, so no variable is written for it (an input
   * parameter was a runtime variable and two history rows per notice).
   */
  public void sendCustomerNotice(DelegateExecution execution, String notice) {
    notices.send(orderId(execution), execution.getProcessInstanceId(), CustomerNotice.valueOf(notice));
  }

  /**
   * The "Send ..." tasks of versions of the process deployed before the notice was named in the
   * expression: their input {@code notice} names it. Instances of those versions keep running on
   * them until they end or are migrated.
   */
  public void sendCustomerNotice(DelegateExecution execution) {
    sendCustomerNotice(execution, (String) execution.getVariableLocal(OrderFulfillment.LOCAL_NOTICE));
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
