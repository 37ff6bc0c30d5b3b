package io.opsflow.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Failed logins per client address, whatever the door (HTTP Basic, the webapps' login, insight's
 * login page): after {@link #FREE_FAILURES} failures, each further one blocks the address for a
 * doubling time ({@code 2 s, 4 s, 8 s, ...}, at most {@link #LONGEST_BLOCK}). Guessing a password
 * from one address becomes slow, and one address cannot run up the failures that make Camunda
 * lock a user (the second line, {@code login-max-attempts}). A successful login clears the address.
 * Time is the engine's clock; failures from a time the clock has since gone back before no longer
 * count.
 */
@Component
class LoginThrottle {

  static final int FREE_FAILURES = 3;
  static final Duration LONGEST_BLOCK = Duration.ofHours(1);
  /** An address without a failure for this long starts afresh. */
  private static final Duration FORGET_AFTER = Duration.ofHours(1);
  private static final int MAX_ADDRESSES = 100_000;

  /** The failures of one address: how many, the last one, and how long it blocks the address. */
  private record Failures(int count, Instant last, Duration block) {

    /** Whether these still count at {@code now}: not forgotten, and the clock has not gone back before them. */
    boolean countAt(Instant now) {
      return !now.isBefore(last) && !last.plus(FORGET_AFTER).isBefore(now);
    }
  }

  private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

  /** How long the address must still wait before its next login is checked; zero when it may try now. */
  Duration blockedFor(String address) {
    Failures failures = byAddress.get(address);
    Instant now = now();
    if (failures == null || !failures.countAt(now)) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(now, failures.last().plus(failures.block()));
    return left.isNegative() ? Duration.ZERO : left;
  }

  void failed(String address) {
    Instant now = now();
    if (byAddress.size() >= MAX_ADDRESSES) {
      byAddress.values().removeIf(failures -> !failures.countAt(now));
    }
    byAddress.compute(address, (key, before) -> {
      int count = before == null || !before.countAt(now) ? 1 : before.count() + 1;
      return new Failures(count, now, block(count));
    });
  }

  void succeeded(String address) {
    byAddress.remove(address);
  }

  private static Duration block(int failures) {
    if (failures <= FREE_FAILURES) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - FREE_FAILURES, 30);
    Duration block = Duration.ofSeconds(1L << doublings);
    return block.compareTo(LONGEST_BLOCK) > 0 ? LONGEST_BLOCK : block;
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
