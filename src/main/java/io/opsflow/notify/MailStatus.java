package io.opsflow.notify;

/** Where a mail of the outbox is on its way. */
enum MailStatus {
  /** Committed, waiting to be sent (right after commit, or by the sweep when that did not happen). */
  PENDING,
  /** Claimed by a sender; back to the sweep if the lease runs out (a crash while sending). */
  SENDING,
  SENT,
  /** Gave up after the last attempt. */
  FAILED,
  /** Never to be sent: no mail server configured, or no recipient with an address. */
  NOT_SENDABLE
}
