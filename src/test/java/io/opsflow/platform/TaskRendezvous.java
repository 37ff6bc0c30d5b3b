package io.opsflow.platform;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Assignment and complete listener of {@code contested-task.bpmn}: once armed, each claim or
 * completion waits here until the other one has loaded the same task too, so two of them really
 * overlap in the engine (no sleeping, no luck). Public: the engine instantiates it by class name.
 */
public class TaskRendezvous implements TaskListener {

  private static volatile CyclicBarrier meeting;

  static void arm(int parties) {
    meeting = new CyclicBarrier(parties);
  }

  static void disarm() {
    meeting = null;
  }

  @Override
  public void notify(DelegateTask task) {
    CyclicBarrier current = meeting;
    if (current == null) {
      return;
    }
    try {
      current.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (BrokenBarrierException | TimeoutException e) {
      throw new IllegalStateException("the other completion never reached the task", e);
    }
  }
}
