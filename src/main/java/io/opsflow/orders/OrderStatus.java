package io.opsflow.orders;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Where an order stands; it follows the process. */
enum OrderStatus {
  /** From a webshop with articles the catalogue does not know; sales corrects them. */
  NEEDS_ATTENTION,
  /** Registered, approval not needed or given by finance. */
  RECEIVED,
  /** Above the approval threshold; finance decides. */
  AWAITING_APPROVAL,
  /** Not everything in stock; sales decides or the order waits for stock. */
  BACKORDERED,
  /** Stock reserved; the warehouse picks and packs. */
  PICKING,
  /** Packed; the warehouse hands it to the carrier. */
  SHIPPING,
  SHIPPED,
  CANCELLED,
  REJECTED;

  /** Every status but the closed ones: where a cancellation can come. */
  static final Set<OrderStatus> OPEN = Arrays.stream(values()).filter(status -> !status.isClosed())
      .collect(Collectors.toUnmodifiableSet());

  boolean isClosed() {
    return this == SHIPPED || this == CANCELLED || this == REJECTED;
  }
}
