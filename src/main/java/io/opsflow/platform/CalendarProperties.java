package io.opsflow.platform;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opsflow.calendar.*} ({@link OpsflowProperties#calendar()}): the working calendar that SLAs
 * are measured on. Checked when the application starts, so a typo fails the start with the
 * property named, not a timer at night. Read it as the {@link WorkingCalendar} bean.
 *
 * @param zone time zone id, e.g. {@code Europe/Berlin}
 * @param businessHoursStart opening time, {@code HH:mm}
 * @param businessHoursEnd closing time, {@code HH:mm}, after the start
 * @param workingDays days of the week that are worked
 * @param holidays public holidays as ISO dates ({@code 2025-12-25})
 */
public record CalendarProperties(
    @DefaultValue("Europe/Berlin") String zone,
    @DefaultValue("09:00") String businessHoursStart,
    @DefaultValue("17:00") String businessHoursEnd,
    @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) List<DayOfWeek> workingDays,
    @DefaultValue({}) List<String> holidays) {

  static final String PREFIX = "opsflow.calendar";

  public CalendarProperties {
    calendar(zone, businessHoursStart, businessHoursEnd, workingDays, holidays);
  }

  WorkingCalendar toCalendar() {
    return calendar(zone, businessHoursStart, businessHoursEnd, workingDays, holidays);
  }

  private static WorkingCalendar calendar(String zone, String start, String end, List<DayOfWeek> workingDays,
      List<String> holidays) {
    LocalTime opens = time("business-hours-start", start);
    LocalTime closes = time("business-hours-end", end);
    if (!opens.isBefore(closes)) {
      throw invalid("business-hours-end", end, "must be after business-hours-start " + start);
    }
    if (workingDays == null || workingDays.isEmpty()) {
      throw invalid("working-days", "", "name at least one day, e.g. MONDAY");
    }
    return new WorkingCalendar(zoneId(zone), opens, closes, workingDays, dates(holidays));
  }

  private static ZoneId zoneId(String zone) {
    try {
      return ZoneId.of(required("zone", zone));
    } catch (DateTimeException e) {
      throw invalid("zone", zone, "is not a time zone id such as Europe/Berlin or UTC");
    }
  }

  private static LocalTime time(String property, String value) {
    try {
      return LocalTime.parse(required(property, value));
    } catch (DateTimeException e) {
      throw invalid(property, value, "is not a time of day such as 09:00");
    }
  }

  private static List<LocalDate> dates(List<String> holidays) {
    List<LocalDate> dates = new ArrayList<>();
    for (int i = 0; i < holidays.size(); i++) {
      String property = "holidays[" + i + "]";
      try {
        dates.add(LocalDate.parse(required(property, holidays.get(i)).strip()));
      } catch (DateTimeException e) {
        throw invalid(property, holidays.get(i), "is not an ISO date such as 2025-12-25");
      }
    }
    return dates;
  }

  private static String required(String property, String value) {
    if (value == null || value.isBlank()) {
      throw invalid(property, "", "must be set");
    }
    return value;
  }

  private static IllegalArgumentException invalid(String property, String value, String problem) {
    return new IllegalArgumentException(PREFIX + "." + property + " '" + value + "' " + problem);
  }
}
