package io.opsflow.insight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * SQL pieces that run unchanged on H2 and PostgreSQL: ordered-set percentiles (linear
 * interpolation, {@code PERCENTILE_CONT}), and reading results.
 */
final class Sql {

  private Sql() {}

  static String median(String expression) {
    return percentile(0.5, expression);
  }

  static String p90(String expression) {
    return percentile(0.9, expression);
  }

  private static String percentile(double fraction, String expression) {
    return "PERCENTILE_CONT(" + fraction + ") WITHIN GROUP (ORDER BY " + expression + ")";
  }

  /** A duration in milliseconds, rounded, or null. */
  static Long millis(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : Math.round(value);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
