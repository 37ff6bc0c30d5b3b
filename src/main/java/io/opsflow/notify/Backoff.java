package io.opsflow.notify;

import java.time.Duration;
import java.time.Instant;

/**
 * When an outbox retries after a failed attempt: {@code firstRetry} after the first, then growing
 * with the square of the attempts (1, 4, 9, 16 times {@code firstRetry}), so a receiver that is
 * down for a while is not hammered and one that is back soon is served soon.
 */
public record Backoff(Duration firstRetry) {

  public Backoff {
    if (firstRetry == null || firstRetry.isNegative()) {
      throw new IllegalArgumentException("the first retry of an outbox must not be negative, was " + firstRetry);
    }
  }

  /** The time of the next attempt after {@code attempts} failed ones. */
  public Instant next(Instant now, int attempts) {
    return now.plus(firstRetry.multipliedBy((long) attempts * attempts));
  }
}
