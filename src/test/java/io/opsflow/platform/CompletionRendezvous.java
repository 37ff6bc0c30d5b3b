package io.opsflow.platform;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Complete listener of {@code contested-task.bpmn}: once armed, each completion waits here until
 * the other one has loaded the same task too, so two completions really overlap in the engine
 * (no sleeping, no luck). Public because the engine instantiates it by class name.
 */
public class CompletionRendezvous implements TaskListener {

  private static volatile CyclicBarrier meeting;

  static void arm(int completions) {
    meeting = new CyclicBarrier(completions);
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
