package io.opsflow.platform;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recurring moment on the {@link WorkingCalendar}, as a designer writes it in a timer's cycle
 * (Timer type "Cycle" in Camunda Modeler), no Java needed:
 * <ul>
 *   <li>{@code working: weekly MONDAY 09:00}: every Monday at 09:00, or the next working day
 *       when the Monday is not one (a holiday);
 *   <li>{@code working: daily 08:30}: every working day at 08:30;
 *   <li>{@code working: monthly last 15:00}: the last working day of each month at 15:00.
 * </ul>
 * Times are wall-clock times in the calendar's zone: a change to or from daylight-saving time
 * does not move them by an hour. Each firing computes the next one ({@link WorkingCycleBusinessCalendar}).
 */
public record WorkingCycle(Kind kind, DayOfWeek day, LocalTime time) {

  static final String PREFIX = "working:";
  static final String RULE = "write 'working: weekly MONDAY 09:00', 'working: daily 08:30'"
      + " or 'working: monthly last 15:00'";

  private static final Pattern FORMAT = Pattern.compile(
      "working:\\s*(?:(weekly)\\s+([A-Za-z]+)|(daily)|(monthly)\\s+last)\\s+(\\d{2}:\\d{2})", Pattern.CASE_INSENSITIVE);

  /** How often it recurs. */
  enum Kind { WEEKLY, DAILY, MONTHLY_LAST }

  /**
   * A timer cycle in words for people ("every Monday at 09:00, or the next working day"), or empty
   * for a cycle that is no working cycle (ISO 8601 or cron, which the engine reads as it is).
   */
  public static Optional<String> inWords(String cycle) {
    if (!isWorkingCycle(cycle)) {
      return Optional.empty();
    }
    WorkingCycle parsed = parse(cycle);
    String at = " at " + parsed.time();
    return Optional.of(switch (parsed.kind()) {
      case WEEKLY -> "every " + parsed.day().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + at
          + ", or the next working day when that day is not one";
      case DAILY -> "every working day" + at;
      case MONTHLY_LAST -> "on the last working day of every month" + at;
    });
  }

  /** Whether a timer cycle is meant as a working cycle (and not as ISO 8601 or cron). */
  static boolean isWorkingCycle(String cycle) {
    return cycle != null && cycle.strip().toLowerCase(Locale.ROOT).startsWith(PREFIX);
  }

  static WorkingCycle parse(String cycle) {
    Matcher parts = FORMAT.matcher(cycle.strip());
    if (!parts.matches()) {
      throw new IllegalArgumentException("'" + cycle + "' is no working cycle: " + RULE);
    }
    LocalTime time;
    try {
      time = LocalTime.parse(parts.group(5));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + cycle + "': " + parts.group(5) + " is no time of day such as 09:00");
    }
    if (parts.group(1) != null) {
      return new WorkingCycle(Kind.WEEKLY, weekday(cycle, parts.group(2)), time);
    }
    return new WorkingCycle(parts.group(3) != null ? Kind.DAILY : Kind.MONTHLY_LAST, null, time);
  }

  private static DayOfWeek weekday(String cycle, String name) {
    try {
      return DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + cycle + "': " + name + " is no day of the week such as MONDAY");
    }
  }

  /** The first firing strictly after {@code after}. */
  Instant next(Instant after, WorkingCalendar calendar) {
    LocalDate from = LocalDate.ofInstant(after, calendar.zone());
    for (LocalDate candidate = firstCandidate(from); ; candidate = nextCandidate(candidate)) {
      Instant firing = firingDay(candidate, calendar).atTime(time).atZone(calendar.zone()).toInstant();
      if (firing.isAfter(after)) {
        return firing;
      }
    }
  }

  /** The nominal day of the period that contains {@code day}, or the period before (weekly). */
  private LocalDate firstCandidate(LocalDate day) {
    return switch (kind) {
      case WEEKLY -> day.minusWeeks(1).with(TemporalAdjusters.nextOrSame(this.day));
      case DAILY -> day;
      case MONTHLY_LAST -> YearMonth.from(day).atEndOfMonth();
    };
  }

  private LocalDate nextCandidate(LocalDate candidate) {
    return switch (kind) {
      case WEEKLY -> candidate.plusWeeks(1);
      case DAILY -> candidate.plusDays(1);
      case MONTHLY_LAST -> YearMonth.from(candidate).plusMonths(1).atEndOfMonth();
    };
  }

  /** The working day on which the nominal day's firing happens. */
  private LocalDate firingDay(LocalDate nominal, WorkingCalendar calendar) {
    LocalDate day = nominal;
    while (!calendar.isWorkingDay(day)) {
      day = kind == Kind.MONTHLY_LAST ? day.minusDays(1) : day.plusDays(1);
    }
    return day;
  }
}
