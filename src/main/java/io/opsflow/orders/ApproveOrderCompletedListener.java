package io.opsflow.orders;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of "Approve order": records finance's decision on the order (who, when, approve or
 * reject; never by the user who placed it) and turns it into the flag of "Order approved?". The
 * form's answer leaves the process, so only the recorded decision steers it.
 */
@Component
class ApproveOrderCompletedListener implements TaskListener {

  private final OrderService orders;

  ApproveOrderCompletedListener(OrderService orders) {
    this.orders = orders;
  }

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable(OrderFulfillment.VAR_APPROVAL_DECISION);
    boolean approved = orders.decideApproval(OrderFulfillment.orderId(task), task.getProcessInstanceId(),
        decision == null ? null : decision.toString(), task.getAssignee());
    task.removeVariable(OrderFulfillment.VAR_APPROVAL_DECISION);
    task.getExecution().setVariable(OrderFulfillment.VAR_ORDER_APPROVED, approved);
  }
}
