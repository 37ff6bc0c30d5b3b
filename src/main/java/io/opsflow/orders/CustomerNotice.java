package io.opsflow.orders;

/** The mails a customer gets about an order; the "Send ..." tasks name one in their expression. */
enum CustomerNotice {
  CONFIRMATION("confirmed", "Your order %d is confirmed",
      "thank you for your order %d. We have reserved these items for you and are packing them now:"),
  SHIPPING("shipped", "Your order %d is on its way",
      "your order %d has left our warehouse:"),
  CANCELLATION("cancelled", "Your order %d is cancelled",
      "your order %d has been cancelled; nothing will be delivered or charged:"),
  REJECTION("rejected", "We cannot accept your order %d",
      "we are sorry: we cannot accept your order %d. Please contact us if you would like to discuss it:");

  private final String event;
  private final String subject;
  private final String opening;

  CustomerNotice(String event, String subject, String opening) {
    this.event = event;
    this.subject = subject;
    this.opening = opening;
  }

  /** One mail per order and notice, whatever retries or loops happen: "order-42-shipped". */
  String key(long orderId) {
    return "order-" + orderId + "-" + event;
  }

  String subject(long orderId) {
    return subject.formatted(orderId);
  }

  String opening(long orderId) {
    return opening.formatted(orderId);
  }
}
