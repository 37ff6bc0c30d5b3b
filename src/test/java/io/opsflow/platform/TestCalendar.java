package io.opsflow.platform;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

/** Working calendars and wall-clock times for tests that need no Spring context. */
public final class TestCalendar {

  public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private TestCalendar() {}

  /** Monday to Friday, 09:00 to 17:00, in {@code zone}, minus these holidays. */
  public static WorkingCalendar calendar(ZoneId zone, LocalDate... holidays) {
    return new WorkingCalendar(zone, LocalTime.of(9, 0), LocalTime.of(17, 0),
        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), List.of(holidays));
  }

  /** A local date and time ({@code 2025-03-07T16:00}) in {@code zone}. */
  public static Instant at(String localDateTime, ZoneId zone) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }

  public static Instant berlin(String localDateTime) {
    return at(localDateTime, BERLIN);
  }
}
