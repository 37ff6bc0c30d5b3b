package io.opsflow.webhooks;

/** The body a subscription gets. */
enum DeliveryFormat {
  /** {@code {"id", "type", "occurredAt", "data": {...}}}: the event for programs. */
  JSON,
  /** {@code {"text": "..."}}: one sentence, as Slack's and Microsoft Teams' incoming webhooks take it. */
  TEXT
}
