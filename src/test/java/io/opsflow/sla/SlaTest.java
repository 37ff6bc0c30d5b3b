package io.opsflow.sla;

import static io.opsflow.platform.TestCalendar.BERLIN;
import static io.opsflow.platform.TestCalendar.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsflow.platform.TestCalendar;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code sla} bean of the expressions, on the engine clock. */
class SlaTest {

  final Sla sla = new Sla(TestCalendar.calendar(BERLIN, LocalDate.parse("2025-03-10")));

  @BeforeEach
  void fridayAfternoon() {
    ClockUtil.setCurrentTime(Date.from(berlin("2025-03-07T16:00")));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void addsWorkingHoursToTheEngineClock() {
    assertThat(sla.workingHours("PT8H")).isEqualTo(Date.from(berlin("2025-03-11T16:00")));
    assertThat(sla.workingHours("pt30m")).isEqualTo(Date.from(berlin("2025-03-07T16:30")));
  }

  @Test
  void theLastWorkingMinuteOfAFridayCountsAndTheRestFollowsOnMonday() {
    Sla sla = new Sla(TestCalendar.calendar(BERLIN));
    ClockUtil.setCurrentTime(Date.from(berlin("2031-03-07T16:59"))); // Friday, a minute before closing

    assertThat(sla.workingHours("PT1M")).isEqualTo(Date.from(berlin("2031-03-07T17:00")));
    assertThat(sla.workingHours("PT1H")).isEqualTo(Date.from(berlin("2031-03-10T09:59")));
    assertThat(sla.workingDays(1)).isEqualTo(Date.from(berlin("2031-03-10T16:59")));
  }

  @Test
  void fromClosingTimeOnAFridayTheSlaStartsAtMondaysOpening() {
    Sla sla = new Sla(TestCalendar.calendar(BERLIN));
    ClockUtil.setCurrentTime(Date.from(berlin("2031-03-07T17:00"))); // Friday, closing time

    assertThat(sla.workingHours("PT1H")).isEqualTo(Date.from(berlin("2031-03-10T10:00")));
    assertThat(sla.workingDays(1)).isEqualTo(Date.from(berlin("2031-03-10T17:00")));
  }

  @Test
  void addsWorkingDays() {
    assertThat(sla.workingDays(2)).isEqualTo(Date.from(berlin("2025-03-12T16:00")));
  }

  @Test
  void countsWorkingDaysBackFromADateOrAnIsoString() {
    Date expected = Date.from(berlin("2025-03-12T09:00"));

    assertThat(sla.workingDaysBefore("2025-03-14", 2)).isEqualTo(expected);
    assertThat(sla.workingDaysBefore(LocalDate.parse("2025-03-14"), 2)).isEqualTo(expected);
    assertThat(sla.workingDaysBefore(Date.from(berlin("2025-03-14T00:00")), 2)).isEqualTo(expected);
    assertThat(sla.workingDaysBefore("2025-03-14T00:00", 2)).isEqualTo(expected);
    assertThat(sla.workingDaysBefore("2025-03-13T23:00:00Z", 2)).isEqualTo(expected);
  }

  @Test
  void aNegativeDurationIsRefusedNamingTheCall() {
    assertThatThrownBy(() -> sla.workingHours("-PT8H"))
        .hasMessage("sla.workingHours('-PT8H'): the duration must not be negative");
    assertThatThrownBy(() -> sla.workingDays(-1)).hasMessageContaining("sla.workingDays(-1)");
  }

  @Test
  void aDurationInDaysIsRefusedAsAmbiguous() {
    assertThatThrownBy(() -> sla.workingHours("P1D")).hasMessageContaining("sla.workingDays(n)");
    assertThatThrownBy(() -> sla.workingHours("P1DT2H")).hasMessageContaining("sla.workingDays(n)");
  }

  @Test
  void aMalformedArgumentIsNamed() {
    assertThatThrownBy(() -> sla.workingHours("8 hours")).hasMessageContaining("sla.workingHours('8 hours'): not an ISO-8601");
    assertThatThrownBy(() -> sla.workingDaysBefore("next monday", 1)).hasMessageContaining("'next monday'");
    assertThatThrownBy(() -> sla.workingDaysBefore(null, 1)).hasMessageContaining("expected a date");
  }
}
