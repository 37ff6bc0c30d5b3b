package io.opsflow.changes;

import java.util.Set;

/** Where a change stands; it follows the process. */
enum ChangeStatus {
  /** Registered, risk not yet assessed. */
  SUBMITTED,
  AWAITING_APPROVAL,
  /** Rejected: the owner reworks and resubmits, or withdraws. */
  IN_REWORK,
  /** Approved: the owner plans communication and training, the teams are briefed. */
  APPROVED,
  /** Every affected team is briefed; waiting for the rollout date. */
  SCHEDULED,
  /** Rolled out, the outcome is being verified. */
  ROLLED_OUT,
  /** Verified as successful; the post-implementation review follows. */
  IMPLEMENTED,
  /** Verification failed: being rolled back and reviewed. */
  FAILED,
  COMPLETED,
  ROLLED_BACK,
  WITHDRAWN;

  private static final Set<ChangeStatus> WITHDRAWABLE = Set.of(SUBMITTED, AWAITING_APPROVAL, IN_REWORK, APPROVED, SCHEDULED);

  /** A change can be withdrawn until it is rolled out; after that it is rolled back instead. */
  boolean withdrawable() {
    return WITHDRAWABLE.contains(this);
  }
}
