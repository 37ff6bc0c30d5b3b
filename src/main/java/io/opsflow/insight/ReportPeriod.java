package io.opsflow.insight;

import io.opsflow.platform.ApiException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The days a report covers, both inclusive, in the server's time zone: {@code from} 00:00 up to
 * the end of {@code to}. Without dates, the last four weeks up to today (engine clock).
 */
record ReportPeriod(LocalDate from, LocalDate to) {

  static final int DEFAULT_DAYS = 28;
  /** The longest period a report covers: two years, so that one request stays small at 100,000 instances. */
  static final int MAX_DAYS = 731;
  private static final ZoneId ZONE = ZoneId.systemDefault();

  static ReportPeriod of(LocalDate from, LocalDate to) {
    LocalDate end = to != null ? to : today();
    LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1L);
    if (start.isAfter(end)) {
      throw ApiException.badField("from", "must not be after to (" + end + ")");
    }
    long days = ChronoUnit.DAYS.between(start, end) + 1;
    if (days > MAX_DAYS) {
      throw ApiException.badField("from", "a report covers at most " + MAX_DAYS + " days (two years); from " + start
          + " to " + end + " are " + days);
    }
    return new ReportPeriod(start, end);
  }

  static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toLocalDate();
  }

  /** The first instant of the period. */
  Timestamp start() {
    return Timestamp.from(from.atStartOfDay(ZONE).toInstant());
  }

  /** The first instant after the period. */
  Timestamp end() {
    return Timestamp.from(to.plusDays(1).atStartOfDay(ZONE).toInstant());
  }
}
