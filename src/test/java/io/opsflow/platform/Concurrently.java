package io.opsflow.platform;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs two calls from two threads released at the same instant. */
final class Concurrently {

  private Concurrently() {}

  static <T> List<T> atOnce(Callable<T> first, Callable<T> second) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<T> one = threads.submit(released(start, first));
      Future<T> other = threads.submit(released(start, second));
      start.countDown();
      return List.of(one.get(60, TimeUnit.SECONDS), other.get(60, TimeUnit.SECONDS));
    } finally {
      threads.shutdownNow();
    }
  }

  private static <T> Callable<T> released(CountDownLatch start, Callable<T> call) {
    return () -> {
      start.await();
      return call.call();
    };
  }
}
