package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The calendar configuration is checked at start-up and a mistake names its property. */
class CalendarPropertiesTest {

  @Configuration
  @EnableConfigurationProperties(OpsflowProperties.class)
  static class CalendarPropertiesOnly {}

  final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(CalendarPropertiesOnly.class, CalendarConfiguration.class);

  @Test
  void defaultsToMondayToFridayNineToFive() {
    context.run(started -> {
      WorkingCalendar calendar = started.getBean(WorkingCalendar.class);
      assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
      assertThat(calendar.workingDay()).hasHours(8);
      assertThat(calendar.isWorkingDay(LocalDate.parse("2025-03-08"))).isFalse();
    });
  }

  @Test
  void takesZoneHoursDaysAndHolidays() {
    context.withPropertyValues("opsflow.calendar.zone=Asia/Tokyo", "opsflow.calendar.business-hours-start=08:30",
            "opsflow.calendar.business-hours-end=12:30", "opsflow.calendar.working-days=MONDAY,saturday",
            "opsflow.calendar.holidays=2025-03-10")
        .run(started -> {
          WorkingCalendar calendar = started.getBean(WorkingCalendar.class);
          assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
          assertThat(calendar.workingDay()).hasHours(4);
          assertThat(calendar.isWorkingDay(LocalDate.parse("2025-03-08"))).isTrue();
          assertThat(calendar.isWorkingDay(LocalDate.parse("2025-03-10"))).isFalse();
          assertThat(LocalDate.parse("2025-03-17").getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
          assertThat(calendar.isWorkingDay(LocalDate.parse("2025-03-17"))).isTrue();
        });
  }

  @Test
  void anUnknownZoneFailsTheStart() {
    assertStartFails("opsflow.calendar.zone=Mars/Olympus_Mons", "opsflow.calendar.zone 'Mars/Olympus_Mons'");
  }

  @Test
  void aMalformedHolidayFailsTheStart() {
    assertStartFails("opsflow.calendar.holidays=2025-12-25,2025-13-01", "opsflow.calendar.holidays[1] '2025-13-01'");
  }

  @Test
  void businessHoursEndingBeforeTheyStartFailTheStart() {
    context.withPropertyValues("opsflow.calendar.business-hours-start=17:00", "opsflow.calendar.business-hours-end=09:00")
        .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
            .hasMessageContaining("opsflow.calendar.business-hours-end '09:00' must be after business-hours-start 17:00"));
  }

  @Test
  void aMalformedTimeFailsTheStart() {
    assertStartFails("opsflow.calendar.business-hours-start=9am", "opsflow.calendar.business-hours-start '9am'");
  }

  @Test
  void anUnknownWorkingDayFailsTheStart() {
    assertStartFails("opsflow.calendar.working-days=MONDAY,FUNDAY", "opsflow.calendar.working-days");
  }

  private void assertStartFails(String property, String message) {
    context.withPropertyValues(property).run(started -> assertThat(started).hasFailed()
        .getFailure().satisfies(failure -> assertThat(messages(failure)).contains(message)));
  }

  private static String messages(Throwable failure) {
    StringBuilder all = new StringBuilder();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      all.append(cause.getMessage()).append('\n');
    }
    return all.toString();
  }
}
