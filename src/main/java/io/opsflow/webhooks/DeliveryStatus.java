package io.opsflow.webhooks;

import java.util.List;

/** Where a delivery of the outbox is on its way. */
enum DeliveryStatus {
  /** Committed with its event, waiting for its first attempt or, after a failure, the next. */
  PENDING,
  /** Claimed by a sender; back to the sweep if the lease runs out (a crash while sending). */
  SENDING,
  /** The receiver answered 2xx. */
  DELIVERED,
  /** Given up after the last attempt. */
  FAILED;

  static final List<DeliveryStatus> RETRYABLE = List.of(PENDING, SENDING);
}
