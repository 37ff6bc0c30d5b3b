package io.opsflow.platform;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs the same call from two threads released at the same instant. */
final class Concurrently {

  private Concurrently() {}

  static <T> List<T> twice(Callable<T> call) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Callable<T> released = () -> {
        start.await();
        return call.call();
      };
      Future<T> first = threads.submit(released);
      Future<T> second = threads.submit(released);
      start.countDown();
      return List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));
    } finally {
      threads.shutdownNow();
    }
  }
}
