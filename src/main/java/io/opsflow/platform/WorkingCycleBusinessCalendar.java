package io.opsflow.platform;

import java.util.Date;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's cycle calendar, which also understands {@link WorkingCycle}s: the engine asks it for
 * a cycle timer's first due date and, at each firing, for the next one (the timer keeps the cycle's
 * text). ISO 8601 repeating intervals and cron expressions go to Camunda's own calendar.
 */
class WorkingCycleBusinessCalendar extends CycleBusinessCalendar {

  private final WorkingCalendar calendar;

  WorkingCycleBusinessCalendar(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public Date resolveDuedate(String duedateDescription, Date startDate, long repeatOffset) {
    if (!WorkingCycle.isWorkingCycle(duedateDescription)) {
      return super.resolveDuedate(duedateDescription, startDate, repeatOffset);
    }
    Date after = startDate != null ? startDate : ClockUtil.getCurrentTime();
    return Date.from(WorkingCycle.parse(duedateDescription).next(after.toInstant(), calendar));
  }
}
