package io.opsflow.platform;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Assignment and complete listener of {@code contested-task.bpmn}: once armed, each claim or
 * completion waits here until the other one has loaded the same task too, so two of them really
 * overlap in the engine (no sleeping, no luck). Armed {@linkplain #armInTurn() in turn}, the one
 * that arrived last then also waits until the other one has committed. Public: the engine
 * instantiates it by class name.
 */
public class TaskRendezvous implements TaskListener {

  private static volatile CyclicBarrier meeting;
  private static volatile CountDownLatch firstCommitted;

  static void arm(int parties) {
    meeting = new CyclicBarrier(parties);
    firstCommitted = null;
  }

  /** Two parties meet, then the one that arrived last goes on only after the other has committed. */
  static void armInTurn() {
    meeting = new CyclicBarrier(2);
    firstCommitted = new CountDownLatch(1);
  }

  static void disarm() {
    meeting = null;
    firstCommitted = null;
  }

  @Override
  public void notify(DelegateTask task) {
    CyclicBarrier current = meeting;
    if (current == null) {
      return;
    }
    CountDownLatch committed = firstCommitted;
    try {
      boolean arrivedLast = current.await(30, TimeUnit.SECONDS) == 0;
      if (committed == null) {
        return;
      }
      if (!arrivedLast) {
        Context.getCommandContext().getTransactionContext()
            .addTransactionListener(TransactionState.COMMITTED, context -> committed.countDown());
      } else if (!committed.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the other completion never committed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (BrokenBarrierException | TimeoutException e) {
      throw new IllegalStateException("the other claim or completion never reached the task", e);
    }
  }
}
