package io.opsflow.orders;

import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The names that tie {@code processes/order-fulfillment.bpmn} to this package: process key,
 * messages, error, process variables and the ids of the steps tests and dashboards refer to.
 * The process carries the order id and the flags its gateways read; everything else is in the
 * order's database rows.
 */
final class OrderFulfillment {

  static final String PROCESS_KEY = "Process_OrderFulfillment";

  static final String MESSAGE_ORDER_PLACED = "Message_OrderPlaced";
  static final String MESSAGE_STOCK_ARRIVED = "Message_StockArrived";
  static final String MESSAGE_CANCEL_ORDER = "Message_CancelOrder";
  static final String ERROR_ITEMS_MISSING = "Error_ItemsMissing";

  /** The order's id; also the business key, as text. */
  static final String VAR_ORDER_ID = "orderId";
  /** Set at registration: every article of the order is in the catalogue (a webshop may send others). */
  static final String VAR_ARTICLES_KNOWN = "articlesKnown";
  /** Set at registration: the order's total is above the approval threshold. */
  static final String VAR_APPROVAL_NEEDED = "approvalNeeded";
  /** Set by "Reserve stock": every line could be reserved. */
  static final String VAR_IN_STOCK = "inStock";
  /** "Decide on backorder" form: {@link #WAIT_FOR_STOCK} or {@link #CANCEL_ORDER}; checked, then removed. */
  static final String FORM_BACKORDER_DECISION = "backorderDecision";
  static final String WAIT_FOR_STOCK = "wait";
  static final String CANCEL_ORDER = "cancel";
  /** Set when "Decide on backorder" completes, from its checked decision: the flag of "Wait for stock?". */
  static final String VAR_WAIT_FOR_STOCK = "waitForStock";
  /** "Approve order" form: {@link #APPROVE} or {@link #REJECT}; recorded on the order, then removed. */
  static final String FORM_APPROVAL_DECISION = "approvalDecision";
  static final String APPROVE = "approve";
  static final String REJECT = "reject";
  /** Set when "Approve order" completes, from the decision recorded on the order: the flag of "Order approved?". */
  static final String VAR_ORDER_APPROVED = "orderApproved";
  /** "Pick and pack order" form: the picker could not find everything. */
  static final String FORM_ITEMS_MISSING = "itemsMissing";
  static final String FORM_MISSING_SKU = "missingSku";
  static final String FORM_MISSING_QUANTITY = "missingQuantity";
  /**
   * "Correct unknown articles" form: one {@code SHOP-SKU = OUR-SKU} per line for each unknown
   * article; recorded on the order, then removed.
   */
  static final String FORM_SKU_CORRECTIONS = "skuCorrections";
  /** "Ship order" form. */
  static final String FORM_CARRIER = "carrier";
  static final String FORM_TRACKING_NUMBER = "trackingNumber";
  /**
   * Start form ("Order entered"), turned into the order's rows by "Register order": customer,
   * and one JSON variable {@code line1}, {@code line2}, ... {@code {"sku","quantity"}} per order
   * line of the form.
   */
  static final String FORM_CUSTOMER_NAME = "customerName";
  static final String FORM_CUSTOMER_EMAIL = "customerEmail";
  static final Pattern FORM_LINE = Pattern.compile("line([0-9]+)");
  /** Task-local, for the forms: the order as the employee reads it. */
  static final String LOCAL_ORDER_SUMMARY = "orderSummary";
  /** Input of the "Send ..." tasks of versions before the notice was named in their expression: which {@link CustomerNotice} to send. */
  static final String LOCAL_NOTICE = "notice";

  static final String TASK_REGISTER_ORDER = "Task_RegisterOrder";
  static final String TASK_APPROVE_ORDER = "Task_ApproveOrder";
  static final String TASK_CORRECT_UNKNOWN_ARTICLES = "Task_CorrectUnknownArticles";
  static final String TASK_RESERVE_STOCK = "Task_ReserveStock";
  static final String TASK_DECIDE_ON_BACKORDER = "Task_DecideOnBackorder";
  static final String TASK_PICK_AND_PACK_ORDER = "Task_PickAndPackOrder";
  static final String TASK_SHIP_ORDER = "Task_ShipOrder";
  static final String TASK_SEND_ORDER_CONFIRMATION = "Task_SendOrderConfirmation";
  static final String EVENT_STOCK_ARRIVED = "Event_StockArrived";


  private OrderFulfillment() {}

  static String businessKey(long orderId) {
    return Long.toString(orderId);
  }

  /** What the process starts with: the order id and the flags of "Articles known?" and "Approval needed?". */
  static Map<String, Object> startVariables(Order order) {
    return Map.of(VAR_ORDER_ID, order.id(), VAR_ARTICLES_KNOWN, !order.needsAttention(),
        VAR_APPROVAL_NEEDED, order.awaitsApproval());
  }

  static long orderId(VariableScope scope) {
    return ((Number) scope.getVariable(VAR_ORDER_ID)).longValue();
  }
}
