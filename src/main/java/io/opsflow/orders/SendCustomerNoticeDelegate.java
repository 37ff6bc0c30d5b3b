package io.opsflow.orders;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The "Send ..." tasks: mails the customer the notice named by the task's input {@code notice}
 * (CONFIRMATION, SHIPPING, CANCELLATION, REJECTION). Runs as a job after the step before has
 * committed; a retried job mails once.
 */
@Component
class SendCustomerNoticeDelegate implements JavaDelegate {

  private final CustomerNotices notices;

  SendCustomerNoticeDelegate(CustomerNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.send(OrderFulfillment.orderId(execution), execution.getProcessInstanceId(),
        CustomerNotice.valueOf((String) execution.getVariableLocal(OrderFulfillment.VAR_NOTICE)));
  }
}
