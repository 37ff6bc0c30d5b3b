package io.opsflow.onboarding;

/** Where a hire stands; follows the process. */
enum HireStatus {
  /** Recorded; IT, facilities and HR prepare the first day. */
  PREPARING,
  /** The start date has come; welcome, check-in and probation. */
  ONBOARDING,
  /** Probation passed: onboarding is complete. */
  CONFIRMED,
  /** The employment ended within probation: onboarding is complete. */
  ENDED,
  /** HR withdrew the hire; all open work was cancelled. */
  WITHDRAWN;

  /** Whether nothing more happens to this hire. */
  boolean isFinal() {
    return this == CONFIRMED || this == ENDED || this == WITHDRAWN;
  }
}
