package io.opsflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static io.opsflow.platform.TestCalendar.berlin;

import io.opsflow.platform.TestCalendar;
import io.opsflow.platform.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GracePeriodTest {

  static final WorkingCalendar CALENDAR = TestCalendar.calendar(TestCalendar.BERLIN, LocalDate.parse("2031-03-10"));

  @Test
  void workingHoursAndWorkingDaysCountFromTheDueDateOnTheCalendar() {
    Instant fridayAfternoon = berlin("2031-03-07T15:00");

    assertThat(GracePeriod.parse("PT4H").after(fridayAfternoon, CALENDAR)).isEqualTo(berlin("2031-03-11T11:00"));
    assertThat(GracePeriod.parse("p1d").after(fridayAfternoon, CALENDAR)).isEqualTo(berlin("2031-03-11T15:00"));
    assertThat(GracePeriod.parse("P1DT30M").after(fridayAfternoon, CALENDAR)).isEqualTo(berlin("2031-03-11T15:30"));
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
}
