package io.opsflow.platform;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The company's working time: business hours on working days in one time zone, minus public
 * holidays. Working time is counted on the wall clock of that zone: a working day from 09:00 to
 * 17:00 always has 8 working hours.
 *
 * <p>Adding working time starts at the next working moment (a task created on Saturday is
 * measured from Monday's opening) and may end exactly at closing time; subtracting ends at the
 * previous working moment and may end exactly at opening time.
 */
public final class WorkingCalendar {

  private final ZoneId zone;
  private final LocalTime opens;
  private final LocalTime closes;
  private final Set<DayOfWeek> workingDays;
  private final Set<LocalDate> holidays;

  public WorkingCalendar(ZoneId zone, LocalTime opens, LocalTime closes, Collection<DayOfWeek> workingDays,
      Collection<LocalDate> holidays) {
    if (!opens.isBefore(closes)) {
      throw new IllegalArgumentException("business hours end " + closes + " is not after their start " + opens);
    }
    if (workingDays.isEmpty()) {
      throw new IllegalArgumentException("a working calendar needs at least one working day");
    }
    this.zone = zone;
    this.opens = opens;
    this.closes = closes;
    this.workingDays = EnumSet.copyOf(workingDays);
    this.holidays = Set.copyOf(holidays);
  }

  public ZoneId zone() {
    return zone;
  }

  public boolean isWorkingDay(LocalDate date) {
    return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
  }

  /** The working time of one working day, e.g. 8 hours for 09:00 to 17:00. */
  public Duration workingDay() {
    return Duration.between(opens, closes);
  }

  /** The moment when this much working time has passed after {@code from}. */
  public Instant plus(Instant from, Duration workingTime) {
    requireNotNegative(workingTime);
    LocalDateTime cursor = nextWorkingMoment(local(from));
    Duration left = workingTime;
    while (true) {
      Duration untilClosing = Duration.between(cursor.toLocalTime(), closes);
      if (left.compareTo(untilClosing) <= 0) {
        return instant(cursor.plus(left));
      }
      left = left.minus(untilClosing);
      cursor = nextWorkingDay(cursor.toLocalDate()).atTime(opens);
    }
  }

  /** The moment this much working time before {@code until}. */
  public Instant minus(Instant until, Duration workingTime) {
    requireNotNegative(workingTime);
    LocalDateTime cursor = previousWorkingMoment(local(until));
    Duration left = workingTime;
    while (true) {
      Duration sinceOpening = Duration.between(opens, cursor.toLocalTime());
      if (left.compareTo(sinceOpening) <= 0) {
        return instant(cursor.minus(left));
      }
      left = left.minus(sinceOpening);
      cursor = previousWorkingDay(cursor.toLocalDate()).atTime(closes);
    }
  }

  /**
   * The working time between two moments: the business hours of the working days in between, on
   * the wall clock of the calendar's zone; zero when {@code until} is not after {@code from}.
   */
  public Duration between(Instant from, Instant until) {
    LocalDateTime start = local(from);
    LocalDateTime end = local(until);
    Duration total = Duration.ZERO;
    for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        LocalDateTime open = latest(day.atTime(opens), start);
        LocalDateTime close = earliest(day.atTime(closes), end);
        if (open.isBefore(close)) {
          total = total.plus(Duration.between(open, close));
        }
      }
    }
    return total;
  }

  private static LocalDateTime latest(LocalDateTime a, LocalDateTime b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDateTime earliest(LocalDateTime a, LocalDateTime b) {
    return a.isBefore(b) ? a : b;
  }

  /** {@code from} plus whole working days, each as long as {@link #workingDay()}. */
  public Instant plusWorkingDays(Instant from, int days) {
    return plus(from, workingDays(days));
  }

  public Instant minusWorkingDays(Instant until, int days) {
    return minus(until, workingDays(days));
  }

  private Duration workingDays(int days) {
    if (days < 0) {
      throw new IllegalArgumentException("the number of working days must not be negative, was " + days);
    }
    return workingDay().multipliedBy(days);
  }

  /** {@code time} if it is within business hours, else the next opening. */
  private LocalDateTime nextWorkingMoment(LocalDateTime time) {
    LocalDate date = time.toLocalDate();
    if (!isWorkingDay(date) || !time.toLocalTime().isBefore(closes)) {
      return nextWorkingDay(date).atTime(opens);
    }
    return time.toLocalTime().isBefore(opens) ? date.atTime(opens) : time;
  }

  /** {@code time} if it is within business hours, else the previous closing. */
  private LocalDateTime previousWorkingMoment(LocalDateTime time) {
    LocalDate date = time.toLocalDate();
    if (!isWorkingDay(date) || !time.toLocalTime().isAfter(opens)) {
      return previousWorkingDay(date).atTime(closes);
    }
    return time.toLocalTime().isAfter(closes) ? date.atTime(closes) : time;
  }

  private LocalDate nextWorkingDay(LocalDate date) {
    LocalDate next = date.plusDays(1);
    while (!isWorkingDay(next)) {
      next = next.plusDays(1);
    }
    return next;
  }

  private LocalDate previousWorkingDay(LocalDate date) {
    LocalDate previous = date.minusDays(1);
    while (!isWorkingDay(previous)) {
      previous = previous.minusDays(1);
    }
    return previous;
  }

  private LocalDateTime local(Instant instant) {
    return LocalDateTime.ofInstant(instant, zone);
  }

  private Instant instant(LocalDateTime local) {
    return local.atZone(zone).toInstant();
  }

  private static void requireNotNegative(Duration workingTime) {
    if (workingTime.isNegative()) {
      throw new IllegalArgumentException("working time must not be negative, was " + workingTime);
    }
  }
}
