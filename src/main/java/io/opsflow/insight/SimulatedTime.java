package io.opsflow.insight;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.joda.time.DateTimeUtils;

/**
 * The engine's clock for one thread: while a {@link HistorySimulation} plays, the thread that plays
 * it sees the time it sets here, and every other thread (requests, the job executor, the outbox's
 * sender) the real time. {@link ClockUtil} reads Joda's {@link DateTimeUtils}, whose time source
 * is one for the whole JVM; while any thread simulates, that source is a provider that answers the
 * simulating thread's time on that thread and {@link System#currentTimeMillis()} on all others.
 * When the last simulation closes its clock, the system's source is back.
 * <p>
 * {@link ClockUtil#setCurrentTime} and {@link ClockUtil#reset} (tests that move the clock of every
 * thread) replace the provider: never use them while a simulation plays.
 */
final class SimulatedTime implements AutoCloseable {

  private static final ThreadLocal<Instant> NOW = new ThreadLocal<>();
  private static final DateTimeUtils.MillisProvider PER_THREAD = () -> {
    Instant now = NOW.get();
    return now == null ? System.currentTimeMillis() : now.toEpochMilli();
  };
  /** Clocks open on any thread; guarded by the class. */
  private static int open;

  private SimulatedTime() {}

  /** This thread's engine clock, at {@code time} until {@link #set} or {@link #close}. */
  static SimulatedTime start(Instant time) {
    if (simulating()) {
      throw new IllegalStateException("This thread already plays a simulation");
    }
    synchronized (SimulatedTime.class) {
      if (open++ == 0) {
        DateTimeUtils.setCurrentMillisProvider(PER_THREAD);
      }
    }
    NOW.set(time);
    return new SimulatedTime();
  }

  void set(Instant time) {
    NOW.set(time);
  }

  /** Whether the current thread plays a simulation (its jobs go into {@link SimulatedJobs}'s band). */
  static boolean simulating() {
    return NOW.get() != null;
  }

  /** This thread sees the real time again; the last clock closed gives the JVM the system's time source back. */
  @Override
  public void close() {
    NOW.remove();
    synchronized (SimulatedTime.class) {
      if (--open == 0) {
        DateTimeUtils.setCurrentMillisSystem();
      }
    }
  }
}
