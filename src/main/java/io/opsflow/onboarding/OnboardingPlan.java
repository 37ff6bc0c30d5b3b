package io.opsflow.onboarding;

import io.opsflow.platform.WorkingCalendar;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dates and the equipment of a hire's onboarding, for the process model's expressions:
 * <pre>
 * &lt;timeDate&gt;${onboardingPlan.firstDay(hireId)}&lt;/timeDate&gt;
 * camunda:collection="${onboardingPlan.equipment(hireId)}"
 * </pre>
 * Days are reached at the working calendar's first working moment (opening time, or the next
 * working day's opening). Public because the expression language calls it by reflection.
 */
@Component(OnboardingPlan.BEAN)
@Transactional(readOnly = true)
public class OnboardingPlan {

  static final String BEAN = "onboardingPlan";
  static final int DAYS_TO_FIRST_WEEK_CHECK_IN = 7;

  private final HireRepository hires;
  private final WorkingCalendar calendar;

  OnboardingPlan(HireRepository hires, WorkingCalendar calendar) {
    this.hires = hires;
    this.calendar = calendar;
  }

  /** The start of the first working day. */
  public Date firstDay(Long hireId) {
    return openingOf(hires.get(hireId).startDate());
  }

  /** One week after the first day, at opening time. */
  public Date firstWeekCheckIn(Long hireId) {
    return openingOf(hires.get(hireId).startDate().plusDays(DAYS_TO_FIRST_WEEK_CHECK_IN));
  }

  /** When the current probation period is over (it moves when probation is extended). */
  public Date probationReview(Long hireId) {
    return openingOf(hires.get(hireId).probationEndsOn());
  }

  /** The hire's manager, who welcomes, checks in and reviews the probation: from the hire, never a variable. */
  public String manager(Long hireId) {
    return hires.get(hireId).managerId();
  }

  /** The equipment items the hire's role needs, one task each. */
  public List<String> equipment(Long hireId) {
    return hires.get(hireId).equipment().stream().map(EquipmentItem::item).toList();
  }

  private Date openingOf(LocalDate day) {
    return Date.from(calendar.plus(day.atStartOfDay(calendar.zone()).toInstant(), Duration.ZERO));
  }
}
