package io.opsflow.notify;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Send notification" (element template {@code io.opsflow.SendNotification}): mails the input
 * parameters {@code notificationTo}, {@code notificationSubject} and {@code notificationBody},
 * once per execution of the step.
 */
@Component("sendNotification")
class SendNotificationDelegate implements JavaDelegate {

  static final String TO = "notificationTo";
  static final String SUBJECT = "notificationSubject";
  static final String BODY = "notificationBody";

  private final Notifications notifications;

  SendNotificationDelegate(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.send(new OutgoingMail(
        "notification-" + execution.getProcessInstanceId() + "-" + execution.getActivityInstanceId(),
        recipients((String) execution.getVariableLocal(TO)),
        (String) execution.getVariableLocal(SUBJECT), (String) execution.getVariableLocal(BODY)));
  }

  private static List<String> recipients(String to) {
    return to == null ? List.of()
        : Arrays.stream(to.split(",")).map(String::strip).filter(recipient -> !recipient.isEmpty()).toList();
  }
}
