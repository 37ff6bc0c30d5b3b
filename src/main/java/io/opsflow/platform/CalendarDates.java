package io.opsflow.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Dates and times as people read them in mails and on Opsflow's pages: in the company's calendar
 * zone, and a time always with the zone named ("Wed 2 Dec 2026, 14:05 (Europe/Berlin)").
 */
@Component
public class CalendarDates {

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

  private final ZoneId zone;

  /** The zone of the working calendar ({@link OpsflowProperties#calendar()}). */
  CalendarDates(WorkingCalendar calendar) {
    this.zone = calendar.zone();
  }

  public ZoneId zone() {
    return zone;
  }

  /** A whole day, such as "Wed 2 Dec 2026". */
  public String day(LocalDate day) {
    return DAY.format(day);
  }

  /** A moment in the calendar's zone with the zone named; "none" for none. */
  public String time(Instant time) {
    return time == null ? "none" : DATE_TIME.format(time.atZone(zone)) + " (" + zone + ")";
  }

  public String time(Date time) {
    return time(time == null ? null : time.toInstant());
  }
}
