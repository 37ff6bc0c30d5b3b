package io.opsflow.changes;

import io.opsflow.platform.WorkingCalendar;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Calendar days of changes on the engine clock, in the working calendar's time zone. */
@Component
class ChangeCalendar {

  private final WorkingCalendar calendar;

  ChangeCalendar(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), calendar.zone());
  }

  /** The moment a day starts: a change rolls out on its planned date, from the start of that day. */
  Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(calendar.zone()).toInstant());
  }
}
