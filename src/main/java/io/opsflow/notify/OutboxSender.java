package io.opsflow.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sending half of an outbox (mails here, webhook deliveries in {@code webhooks}): what was
 * written in the transaction of its event is sent right after that transaction commits, on a
 * background thread ({@link #sendAfterCommit}), and whatever is still due later by a sweep
 * ({@link #sweepDue}): the first attempt did not happen (a crash) or failed ({@link Backoff}).
 * An entry is claimed in its own short transaction before it is sent, with a lease, so the two
 * never send the same entry, and sent outside any transaction; the outcome is recorded after.
 *
 * @param <T> the outbox row
 */
public abstract class OutboxSender<T> implements DisposableBean {

  private static final int SWEEP_BATCH = 100;
  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

  private final String what;
  private final OutboxRepository<T> rows;
  private final States states;
  private final Duration lease;
  private final int maxAttempts;
  private final TransactionTemplate transaction;
  private final ExecutorService sender;

  /**
   * The statuses of an outbox's rows that sending reads and writes.
   *
   * @param pending written, not yet attempted, or to be attempted again
   * @param sending claimed by a sender (due again when its lease ran out)
   */
  public record States(Enum<?> pending, Enum<?> sending) {

    /** The statuses of a row that may be due for an attempt. */
    public List<Enum<?>> due() {
      return List.of(pending, sending);
    }
  }

  /**
   * @param what what this outbox sends, for its thread and the log ({@code mail})
   * @param lease how long a claimed entry may take to send before the sweep assumes its sender died
   * @param maxAttempts attempts of an entry before it is given up
   */
  protected OutboxSender(String what, OutboxRepository<T> rows, States states, Duration lease, int maxAttempts,
      PlatformTransactionManager transactionManager) {
    this.what = what;
    this.rows = rows;
    this.states = states;
    this.lease = lease;
    this.maxAttempts = maxAttempts;
    this.transaction = new TransactionTemplate(transactionManager);
    this.sender = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "opsflow-" + what);
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Whether anything can be sent at all (a mail server is configured); true unless overridden. */
  protected boolean canSend() {
    return true;
  }

  /** Sends one claimed entry, outside any transaction; what it changes on the entry is not stored. */
  protected abstract Attempt send(T entry);

  /**
   * Records the outcome of an attempt on the entry, read again ({@code row}), in a transaction;
   * {@code sent} is the entry as {@link #send} left it.
   */
  protected abstract void record(T row, T sent, Attempt attempt, Instant now);

  /** The first attempt of entry {@code id}, on the background thread: call it after the commit that wrote it. */
  protected final void sendAfterCommit(long id) {
    sender.execute(() -> deliver(id, true));
  }

  /** Every entry due for another attempt, now, on the calling thread. */
  protected final void sweepDue() {
    if (canSend()) {
      rows.findDue(states.due(), Instant.now(), maxAttempts, PageRequest.of(0, SWEEP_BATCH))
          .forEach(id -> deliver(id, false));
    }
  }

  private void deliver(long id, boolean firstAttempt) {
    try {
      Instant now = Instant.now();
      Integer claimed = transaction.execute(status -> firstAttempt
          ? rows.claimFirstAttempt(id, states.pending(), states.sending(), now.plus(lease))
          : rows.claimRetry(id, states.due(), states.sending(), now, now.plus(lease), maxAttempts));
      if (claimed == null || claimed == 0) {
        return;
      }
      T entry = rows.findById(id).orElseThrow();
      Attempt attempt = send(entry);
      transaction.executeWithoutResult(status -> rows.findById(id).ifPresent(row -> record(row, entry, attempt, Instant.now())));
    } catch (RuntimeException e) {
      LOG.error("{} {} of the outbox could not be handled, the sweep retries it", what, id, e);
    }
  }

  @Override
  public void destroy() {
    sender.shutdown();
  }
}
