package io.opsflow.versions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Reads a query to the end in pages: the engine refuses lists above query-max-results-limit. */
final class Pages {

  static final int SIZE = 1000;

  private Pages() {}

  /** All results of {@code page(firstResult, maxResults)}; the query must have a stable order. */
  static <T> List<T> all(BiFunction<Integer, Integer, List<T>> page) {
    List<T> all = new ArrayList<>();
    for (int first = 0; ; first += SIZE) {
      List<T> next = page.apply(first, SIZE);
      all.addAll(next);
      if (next.size() < SIZE) {
        return all;
      }
    }
  }
}
