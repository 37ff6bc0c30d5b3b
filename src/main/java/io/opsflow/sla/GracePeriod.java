package io.opsflow.sla;

import io.opsflow.platform.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long after its due date an SLA'd task is escalated, in working time: {@code PT4H} (working
 * hours and minutes), {@code P1D} (working days, each as long as the calendar's business hours) or
 * both ({@code P1DT4H}).
 */
record GracePeriod(String text, int workingDays, Duration workingTime) {

  private static final Pattern FORMAT = Pattern.compile("P(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?)?");

  /** Reads a grace period; the message of the exception says what is wrong and what would be right. */
  static GracePeriod parse(String text) {
    String value = text == null ? "" : text.strip().toUpperCase();
    if (value.startsWith("-") || value.contains("-")) {
      throw new IllegalArgumentException("grace period '" + text + "' must not be negative");
    }
    Matcher parts = FORMAT.matcher(value);
    if (!parts.matches() || value.equals("P") || value.endsWith("T")) {
      throw new IllegalArgumentException("grace period '" + text
          + "' is not working time such as PT4H (4 working hours) or P1D (1 working day)");
    }
    return new GracePeriod(value, number(parts.group(1)),
        Duration.ofHours(number(parts.group(2))).plusMinutes(number(parts.group(3))));
  }

  /** The moment this grace period after the due date has passed on the calendar. */
  Instant after(Instant due, WorkingCalendar calendar) {
    return calendar.plus(due, calendar.workingDay().multipliedBy(workingDays).plus(workingTime));
  }

  private static int number(String digits) {
    return digits == null ? 0 : Integer.parseInt(digits);
  }
}
