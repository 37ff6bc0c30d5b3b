package io.opsflow.sla;

import io.opsflow.platform.WorkingCalendar;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * SLA deadlines for BPMN expressions, on the {@link WorkingCalendar} and the engine clock:
 * <pre>
 * camunda:dueDate="${sla.workingHours('PT8H')}"
 * &lt;timeDate&gt;${sla.workingDays(2)}&lt;/timeDate&gt;
 * camunda:followUpDate="${sla.workingDaysBefore(startDate, 2)}"
 * </pre>
 * Public because the expression language calls it by reflection.
 */
@Component(Sla.BEAN)
public class Sla {

  static final String BEAN = "sla";

  private final WorkingCalendar calendar;

  Sla(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  /** Now plus working hours (and minutes), given as an ISO-8601 duration such as {@code PT8H}. */
  public Date workingHours(String duration) {
    return Date.from(calendar.plus(now(), workingTime(duration)));
  }

  /** Now plus whole working days. */
  public Date workingDays(int days) {
    requireNotNegative("workingDays(" + days + ")", days);
    return Date.from(calendar.plusWorkingDays(now(), days));
  }

  /**
   * Working days before a date: a {@code java.util.Date}, a {@code LocalDate}, or an ISO string
   * ({@code 2025-03-10} means the start of that day in the calendar's zone).
   */
  public Date workingDaysBefore(Object date, int days) {
    requireNotNegative("workingDaysBefore(" + date + ", " + days + ")", days);
    return Date.from(calendar.minusWorkingDays(instant(date), days));
  }

  /**
   * Parses the argument of {@code workingHours}: hours and minutes only (days would be ambiguous
   * between calendar and working days), not negative.
   */
  static Duration workingTime(String duration) {
    String call = "sla.workingHours('" + duration + "')";
    if (duration == null || duration.isBlank()) {
      throw new IllegalArgumentException(call + ": give a duration such as PT8H");
    }
    String upper = duration.strip().toUpperCase();
    int time = upper.indexOf('T');
    if (upper.substring(0, time < 0 ? upper.length() : time).contains("D")) {
      throw new IllegalArgumentException(call + ": working hours take hours and minutes (PT8H, PT30M);"
          + " for days use sla.workingDays(n)");
    }
    Duration parsed;
    try {
      parsed = Duration.parse(upper);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(call + ": not an ISO-8601 duration such as PT8H or PT30M");
    }
    if (parsed.isNegative()) {
      throw new IllegalArgumentException(call + ": the duration must not be negative");
    }
    return parsed;
  }

  private Instant instant(Object date) {
    if (date instanceof Date value) {
      return value.toInstant();
    }
    if (date instanceof LocalDate value) {
      return value.atStartOfDay(calendar.zone()).toInstant();
    }
    if (date instanceof String value) {
      return parse(value.strip());
    }
    throw new IllegalArgumentException("sla: expected a date, got " + (date == null ? "nothing" : date.getClass().getSimpleName()));
  }

  private Instant parse(String text) {
    try {
      if (text.length() == "yyyy-MM-dd".length()) {
        return LocalDate.parse(text).atStartOfDay(calendar.zone()).toInstant();
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException withoutOffset) {
      try {
        return LocalDateTime.parse(text).atZone(calendar.zone()).toInstant();
      } catch (DateTimeException e) {
        throw new IllegalArgumentException("sla: '" + text + "' is not an ISO date or date-time such as 2025-03-10");
      }
    }
  }

  private static void requireNotNegative(String call, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("sla." + call + ": the number of working days must not be negative");
    }
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
