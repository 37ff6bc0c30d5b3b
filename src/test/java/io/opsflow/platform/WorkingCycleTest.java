package io.opsflow.platform;

import static io.opsflow.platform.TestCalendar.BERLIN;
import static io.opsflow.platform.TestCalendar.berlin;
import static io.opsflow.platform.TestCalendar.calendar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Recurring moments on the working calendar (Monday to Friday, 09:00 to 17:00, Berlin). */
class WorkingCycleTest {

  static final WorkingCycle MONDAY_MORNING = WorkingCycle.parse("working: weekly MONDAY 09:00");
  static final WorkingCycle WORKING_DAYS = WorkingCycle.parse("working: daily 08:30");
  static final WorkingCycle MONTH_END = WorkingCycle.parse("working: monthly last 15:00");

  @Test
  void everyMondayAtNine() {
    WorkingCalendar calendar = calendar(BERLIN);

    assertThat(MONDAY_MORNING.next(berlin("2027-01-06T12:00"), calendar)).isEqualTo(berlin("2027-01-11T09:00"));
    assertThat(MONDAY_MORNING.next(berlin("2027-01-11T08:59"), calendar)).isEqualTo(berlin("2027-01-11T09:00"));
    assertThat(MONDAY_MORNING.next(berlin("2027-01-11T09:00"), calendar)).isEqualTo(berlin("2027-01-18T09:00"));
  }

  @Test
  void aMondayHolidayMovesTheFiringToTuesdayAndTheWeekAfterIsMondayAgain() {
    WorkingCalendar easter = calendar(BERLIN, LocalDate.parse("2027-03-29"));

    assertThat(MONDAY_MORNING.next(berlin("2027-03-26T10:00"), easter)).isEqualTo(berlin("2027-03-30T09:00"));
    assertThat(MONDAY_MORNING.next(berlin("2027-03-30T09:00"), easter)).isEqualTo(berlin("2027-04-05T09:00"));
  }

  @Test
  void theWallClockTimeHoldsOverTheChangeToSummerTime() {
    // 28 March 2027: clocks go from 02:00 to 03:00 in Berlin; 09:00 is 08:00 UTC before, 07:00 UTC after
    WorkingCalendar calendar = calendar(BERLIN);

    assertThat(MONDAY_MORNING.next(berlin("2027-03-20T10:00"), calendar)).hasToString("2027-03-22T08:00:00Z");
    assertThat(MONDAY_MORNING.next(berlin("2027-03-22T09:00"), calendar)).hasToString("2027-03-29T07:00:00Z");
  }

  @Test
  void everyWorkingDaySkipsWeekendsAndHolidays() {
    WorkingCalendar calendar = calendar(BERLIN, LocalDate.parse("2027-01-04"));

    assertThat(WORKING_DAYS.next(berlin("2027-01-01T09:00"), calendar)).isEqualTo(berlin("2027-01-05T08:30"));
    assertThat(WORKING_DAYS.next(berlin("2027-01-05T08:30"), calendar)).isEqualTo(berlin("2027-01-06T08:30"));
  }

  @Test
  void theLastWorkingDayOfTheMonth() {
    // January 2027 ends on a Sunday: Friday 29th; April 30th 2027 is a Friday, made a holiday: Thursday 29th
    WorkingCalendar calendar = calendar(BERLIN, LocalDate.parse("2027-04-30"));

    assertThat(MONTH_END.next(berlin("2027-01-10T10:00"), calendar)).isEqualTo(berlin("2027-01-29T15:00"));
    assertThat(MONTH_END.next(berlin("2027-01-29T15:00"), calendar)).isEqualTo(berlin("2027-02-26T15:00"));
    assertThat(MONTH_END.next(berlin("2027-04-01T10:00"), calendar)).isEqualTo(berlin("2027-04-29T15:00"));
  }

  @Test
  void whatIsNoWorkingCycleIsRefusedWithTheRule() {
    assertThat(WorkingCycle.isWorkingCycle("R/PT1H")).isFalse();
    assertThat(WorkingCycle.isWorkingCycle(" Working: daily 08:30")).isTrue();
    assertThatThrownBy(() -> WorkingCycle.parse("working: weekly MONTAG 09:00"))
        .hasMessageContaining("MONTAG is no day of the week such as MONDAY");
    assertThatThrownBy(() -> WorkingCycle.parse("working: daily 25:00")).hasMessageContaining("25:00 is no time of day");
    assertThatThrownBy(() -> WorkingCycle.parse("working: every Monday")).hasMessageContaining(WorkingCycle.RULE);
  }
}
