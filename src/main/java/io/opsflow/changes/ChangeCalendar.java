package io.opsflow.changes;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Calendar days of changes on the engine clock, in the server's time zone. */
final class ChangeCalendar {

  private ChangeCalendar() {}

  static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
  }

  /** The moment a day starts: a change rolls out on its planned date, from the start of that day. */
  static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
  }
}
