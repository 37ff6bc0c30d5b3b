package io.opsflow.orders;

/** Where an order stands; it follows the process. */
enum OrderStatus {
  /** Registered, approval not needed or given. */
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

  boolean isClosed() {
    return this == SHIPPED || this == CANCELLED || this == REJECTED;
  }
}
