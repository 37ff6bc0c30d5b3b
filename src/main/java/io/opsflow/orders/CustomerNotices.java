package io.opsflow.orders;

import io.opsflow.notify.Notifications;
import io.opsflow.notify.OutgoingMail;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes the customer's mails about an order and hands them to {@link Notifications}. */
@Service
class CustomerNotices {

  private final OrderRepository orders;
  private final Notifications notifications;

  CustomerNotices(OrderRepository orders, Notifications notifications) {
    this.orders = orders;
    this.notifications = notifications;
  }

  /** Queues the notice; a notice already sent for this order is not sent again. */
  @Transactional
  public void send(long orderId, String processInstanceId, CustomerNotice notice) {
    Order order = orders.requireIn(orderId, processInstanceId);
    notifications.send(new OutgoingMail(notice.key(orderId), List.of(order.customerEmail()),
        notice.subject(orderId), body(order, notice)));
  }

  private static String body(Order order, CustomerNotice notice) {
    String tracking = notice == CustomerNotice.SHIPPING
        ? "\n\nCarrier: " + order.carrier() + "\nTracking number: " + order.trackingNumber()
        : "";
    return "Hello " + order.customerName() + ",\n\n" + notice.opening(order.id()) + "\n\n"
        + OrderSummary.plainText(order) + tracking + "\n\nKind regards\nYour order service\n";
  }
}
