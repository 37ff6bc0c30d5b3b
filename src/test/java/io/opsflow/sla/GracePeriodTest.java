package io.opsflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class GracePeriodTest {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final WorkingCalendar CALENDAR = new WorkingCalendar(ZONE, LocalTime.of(9, 0), LocalTime.of(17, 0),
      EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), List.of(LocalDate.parse("2031-03-10")));

  @Test
  void workingHoursAndWorkingDaysCountFromTheDueDateOnTheCalendar() {
    Instant fridayAfternoon = at("2031-03-07T15:00");

    assertThat(GracePeriod.parse("PT4H").after(fridayAfternoon, CALENDAR)).isEqualTo(at("2031-03-11T11:00"));
    assertThat(GracePeriod.parse("p1d").after(fridayAfternoon, CALENDAR)).isEqualTo(at("2031-03-11T15:00"));
    assertThat(GracePeriod.parse("P1DT30M").after(fridayAfternoon, CALENDAR)).isEqualTo(at("2031-03-11T15:30"));
    assertThat(GracePeriod.parse("PT0H").after(fridayAfternoon, CALENDAR)).isEqualTo(fridayAfternoon);
  }

  @Test
  void refusesNegativeAndMalformedPeriodsSayingWhatWouldDo() {
    assertThatThrownBy(() -> GracePeriod.parse("-PT4H")).hasMessage("grace period '-PT4H' must not be negative");
    assertThatThrownBy(() -> GracePeriod.parse("PT-4H")).hasMessage("grace period 'PT-4H' must not be negative");
    for (String malformed : new String[] {"4h", "P", "PT", "P1W", "PT1.5H", "", null}) {
      assertThatThrownBy(() -> GracePeriod.parse(malformed)).as(malformed)
          .hasMessageEndingWith("is not working time such as PT4H (4 working hours) or P1D (1 working day)");
    }
  }

  private static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
  }
}
