package io.opsflow.insight;

import java.util.List;

/**
 * Median and 90th percentile of durations, by linear interpolation between the closest ranks,
 * exactly as SQL's {@code PERCENTILE_CONT}; both null when there is nothing to measure.
 */
record Percentiles(Long median, Long p90) {

  static Percentiles of(List<Long> values) {
    if (values.isEmpty()) {
      return new Percentiles(null, null);
    }
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    return new Percentiles(at(sorted, 0.5), at(sorted, 0.9));
  }

  private static long at(long[] sorted, double fraction) {
    double rank = fraction * (sorted.length - 1);
    int lower = (int) Math.floor(rank);
    int upper = Math.min(lower + 1, sorted.length - 1);
    return Math.round(sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]));
  }
}
