package io.opsflow.insight;

import io.opsflow.platform.WorkingCalendar;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cycle-time target in working time, written as an ISO-8601 duration of days, hours and
 * minutes ({@code P2D}, {@code P1DT4H}, {@code PT6H}); a day is a working day of the calendar
 * (09:00 to 17:00: 8 hours), as in the SLAs' {@code sla.workingDays(n)}.
 */
final class WorkingDuration {

  static final String PATTERN = "P(?:(\\d{1,3})D)?(?:T(?:(\\d{1,4})H)?(?:(\\d{1,5})M)?)?";
  static final String RULE = "must be a working-time duration such as P2D, P1DT4H or PT6H (days are working days)";
  private static final Pattern FORMAT = Pattern.compile(PATTERN);

  private WorkingDuration() {}

  /** The working time the text means; zero when it names none (P0D, PT0H, P). */
  static Duration of(String text, WorkingCalendar calendar) {
    Matcher parts = FORMAT.matcher(text);
    if (!parts.matches()) {
      throw new IllegalArgumentException(text + " " + RULE);
    }
    return calendar.workingDay().multipliedBy(number(parts.group(1)))
        .plusHours(number(parts.group(2))).plusMinutes(number(parts.group(3)));
  }

  private static long number(String digits) {
    return digits == null ? 0 : Long.parseLong(digits);
  }
}
