package io.opsflow.platform;

import static io.opsflow.platform.TestCalendar.BERLIN;
import static io.opsflow.platform.TestCalendar.at;
import static io.opsflow.platform.TestCalendar.berlin;
import static io.opsflow.platform.TestCalendar.calendar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

  static final Duration EIGHT_HOURS = Duration.ofHours(8);

  @Test
  void fridayAfternoonPlusEightWorkingHoursIsMondayAfternoon() {
    assertThat(calendar(BERLIN).plus(berlin("2025-03-07T16:00"), EIGHT_HOURS)).isEqualTo(berlin("2025-03-10T16:00"));
  }

  @Test
  void aHolidayOnMondayMovesTheDeadlineToTuesday() {
    WorkingCalendar calendar = calendar(BERLIN, LocalDate.parse("2025-03-10"));

    assertThat(calendar.plus(berlin("2025-03-07T16:00"), EIGHT_HOURS)).isEqualTo(berlin("2025-03-11T16:00"));
  }

  @Test
  void aTaskCreatedOnSaturdayIsMeasuredFromMondayOpening() {
    WorkingCalendar calendar = calendar(BERLIN);

    assertThat(calendar.plus(berlin("2025-03-08T11:30"), Duration.ofHours(1))).isEqualTo(berlin("2025-03-10T10:00"));
    assertThat(calendar.plus(berlin("2025-03-08T11:30"), EIGHT_HOURS)).isEqualTo(berlin("2025-03-10T17:00"));
  }

  @Test
  void aDeadlineMayFallExactlyOnClosingTime() {
    assertThat(calendar(BERLIN).plus(berlin("2025-03-10T09:00"), EIGHT_HOURS)).isEqualTo(berlin("2025-03-10T17:00"));
  }

  @Test
  void startingExactlyAtClosingTimeCountsFromTheNextOpening() {
    WorkingCalendar calendar = calendar(BERLIN);

    assertThat(calendar.plus(berlin("2025-03-10T17:00"), Duration.ofMinutes(30))).isEqualTo(berlin("2025-03-11T09:30"));
    assertThat(calendar.plus(berlin("2025-03-07T17:00"), Duration.ZERO)).isEqualTo(berlin("2025-03-10T09:00"));
  }

  @Test
  void theLastWorkingMinuteOfADayAndTheFirstMinuteAfterClosing() {
    WorkingCalendar calendar = calendar(BERLIN);

    // Friday 16:59: one minute on Friday, 59 on Monday
    assertThat(calendar.plus(berlin("2025-03-07T16:59"), Duration.ofHours(1))).isEqualTo(berlin("2025-03-10T09:59"));
    assertThat(calendar.plusWorkingDays(berlin("2025-03-07T16:59"), 1)).isEqualTo(berlin("2025-03-10T16:59"));
    // Friday 17:00 is closed already: everything on Monday
    assertThat(calendar.plus(berlin("2025-03-07T17:00"), Duration.ofHours(1))).isEqualTo(berlin("2025-03-10T10:00"));
    assertThat(calendar.plusWorkingDays(berlin("2025-03-07T17:00"), 1)).isEqualTo(berlin("2025-03-10T17:00"));
    // and back: an hour before Monday 09:59 is Friday 16:59
    assertThat(calendar.minus(berlin("2025-03-10T09:59"), Duration.ofHours(1))).isEqualTo(berlin("2025-03-07T16:59"));
  }

  @Test
  void holidaysNextToTheWeekendMakeOneLongBreak() {
    // Easter 2025: Good Friday 18 April and Easter Monday 21 April
    WorkingCalendar calendar = calendar(BERLIN, LocalDate.parse("2025-04-18"), LocalDate.parse("2025-04-21"));

    assertThat(calendar.plus(berlin("2025-04-17T16:30"), Duration.ofHours(1))).isEqualTo(berlin("2025-04-22T09:30"));
    assertThat(calendar.plusWorkingDays(berlin("2025-04-17T16:59"), 1)).isEqualTo(berlin("2025-04-22T16:59"));
    assertThat(calendar.plus(berlin("2025-04-19T10:00"), Duration.ofHours(1))).isEqualTo(berlin("2025-04-22T10:00"));
    assertThat(calendar.minus(berlin("2025-04-22T09:30"), Duration.ofHours(1))).isEqualTo(berlin("2025-04-17T16:30"));
    assertThat(calendar.minusWorkingDays(LocalDate.parse("2025-04-22").atStartOfDay(BERLIN).toInstant(), 1))
        .isEqualTo(berlin("2025-04-17T09:00"));
  }

  @Test
  void startingBeforeOpeningCountsFromOpening() {
    assertThat(calendar(BERLIN).plus(berlin("2025-03-10T06:45"), Duration.ofHours(1))).isEqualTo(berlin("2025-03-10T10:00"));
  }

  @Test
  void countsAcrossTheYearEndAndItsHolidays() {
    WorkingCalendar calendar = calendar(BERLIN, LocalDate.parse("2025-12-25"), LocalDate.parse("2025-12-26"),
        LocalDate.parse("2026-01-01"));

    // Wednesday 31 Dec: 2 hours, Thursday 1 Jan is a holiday, Friday 2 Jan: 6 hours
    assertThat(calendar.plus(berlin("2025-12-31T15:00"), EIGHT_HOURS)).isEqualTo(berlin("2026-01-02T15:00"));
    // Tuesday 23 Dec plus three working days: 24 Dec, then 29 and 30 Dec
    assertThat(calendar.plusWorkingDays(berlin("2025-12-23T10:00"), 3)).isEqualTo(berlin("2025-12-30T10:00"));
  }

  @Test
  void businessHoursAreTheWallClockOfTheCalendarsZone() {
    ZoneId newYork = ZoneId.of("America/New_York");
    Instant fridayFourPmInNewYork = at("2025-03-07T16:00", newYork);

    // daylight saving time starts on Sunday 9 March in New York: Monday 16:00 is 20:00 UTC, not 21:00
    assertThat(calendar(newYork).plus(fridayFourPmInNewYork, EIGHT_HOURS))
        .isEqualTo(at("2025-03-10T16:00", newYork))
        .isEqualTo(Instant.parse("2025-03-10T20:00:00Z"));
    // the same moment is Friday 22:00 in Berlin, after closing: measured from Monday 09:00 Berlin
    assertThat(calendar(BERLIN).plus(fridayFourPmInNewYork, EIGHT_HOURS)).isEqualTo(berlin("2025-03-10T17:00"));
  }

  @Test
  void workingDaysAreWorkingDaysOfBusinessHours() {
    WorkingCalendar calendar = calendar(BERLIN);

    assertThat(calendar.workingDay()).isEqualTo(EIGHT_HOURS);
    assertThat(calendar.plusWorkingDays(berlin("2025-03-07T16:00"), 1)).isEqualTo(berlin("2025-03-10T16:00"));
    assertThat(calendar.plusWorkingDays(berlin("2025-03-08T12:00"), 1)).isEqualTo(berlin("2025-03-10T17:00"));
  }

  @Test
  void workingDaysBeforeAStartDateEndAtAnOpening() {
    WorkingCalendar calendar = calendar(BERLIN);
    Instant mondayStart = LocalDate.parse("2025-03-10").atStartOfDay(BERLIN).toInstant();

    assertThat(calendar.minusWorkingDays(mondayStart, 2)).isEqualTo(berlin("2025-03-06T09:00"));
    assertThat(calendar.minus(berlin("2025-03-10T10:00"), Duration.ofHours(2))).isEqualTo(berlin("2025-03-07T16:00"));
    assertThat(calendar.minus(berlin("2025-03-10T20:00"), Duration.ZERO)).isEqualTo(berlin("2025-03-10T17:00"));
  }

  @Test
  void knowsItsWorkingDays() {
    WorkingCalendar calendar = calendar(BERLIN, LocalDate.parse("2025-03-10"));

    assertThat(calendar.isWorkingDay(LocalDate.parse("2025-03-07"))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2025-03-08"))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2025-03-10"))).isFalse();
  }

  @Test
  void refusesNegativeWorkingTime() {
    WorkingCalendar calendar = calendar(BERLIN);

    assertThatThrownBy(() -> calendar.plus(Instant.now(), Duration.ofHours(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    assertThatThrownBy(() -> calendar.minus(Instant.now(), Duration.ofHours(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    assertThatThrownBy(() -> calendar.minusWorkingDays(Instant.now(), -2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
  }

  @Test
  void noWorkingDaysAfterAWorkingMomentIsThatMoment() {
    WorkingCalendar calendar = calendar(BERLIN);

    assertThat(calendar.plusWorkingDays(berlin("2025-03-07T10:00"), 0)).isEqualTo(berlin("2025-03-07T10:00"));
    assertThat(calendar.zone()).isEqualTo(BERLIN);
  }

  @Test
  void workingTimeBetweenCountsBusinessHoursOfWorkingDaysOnly() {
    WorkingCalendar calendar = calendar(BERLIN, LocalDate.parse("2025-03-10"));

    // Friday 16:00 to Tuesday 10:00 over a weekend and a Monday holiday: 1 h on Friday, 1 h on Tuesday
    assertThat(calendar.between(berlin("2025-03-07T16:00"), berlin("2025-03-11T10:00"))).isEqualTo(Duration.ofHours(2));
    assertThat(calendar.between(berlin("2025-03-11T07:00"), berlin("2025-03-11T20:00"))).isEqualTo(EIGHT_HOURS);
    assertThat(calendar.between(berlin("2025-03-11T10:00"), berlin("2025-03-11T09:00"))).isEqualTo(Duration.ZERO);
  }

  @Test
  void workingTimeBetweenIsTheInverseOfPlus() {
    WorkingCalendar calendar = calendar(BERLIN);
    Instant start = berlin("2025-03-26T15:30"); // over the change to summer time on 30 March

    assertThat(calendar.between(start, calendar.plus(start, Duration.ofHours(29)))).isEqualTo(Duration.ofHours(29));
  }
}
