package io.opsflow.webhooks;

import com.fasterxml.jackson.annotation.JsonValue;
import io.opsflow.platform.ApiException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The events administrators can subscribe URLs to, by the name receivers see ({@code order.shipped}). */
enum WebhookEvent {
  ORDER_SHIPPED("order.shipped"),
  ORDER_CANCELLED("order.cancelled"),
  TASK_ESCALATED("task.escalated"),
  CHANGE_APPROVED("change.approved"),
  HIRE_STARTED("hire.started");

  private final String type;

  WebhookEvent(String type) {
    this.type = type;
  }

  @JsonValue
  String type() {
    return type;
  }

  /** As Jackson's and our refusals name it. */
  @Override
  public String toString() {
    return type;
  }

  /** The event of this name, or 400 naming the field and the names there are. */
  static WebhookEvent of(String type) {
    return Arrays.stream(values()).filter(event -> event.type.equals(type)).findFirst()
        .orElseThrow(() -> ApiException.badField("events", "'" + type + "' is no event; there are " + names()));
  }

  static String names() {
    return Arrays.stream(values()).map(WebhookEvent::type).collect(Collectors.joining(", "));
  }
}
