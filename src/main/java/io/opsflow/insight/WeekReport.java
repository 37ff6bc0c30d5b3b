package io.opsflow.insight;

import io.opsflow.insight.TargetScorecard.Figure;
import io.opsflow.platform.TasklistFilters;
import io.opsflow.platform.WorkingCalendar;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Last week (the last complete week, Monday to Sunday in the calendar's zone) of some processes, as
 * a review meeting needs it: each figure against its target (the {@link TargetScorecard}'s), the
 * steps that missed their due date most, and the steps whose tasks were escalated. Insight's
 * interface {@code reports} for the weekly operations review.
 */
@Service
@NamedInterface("reports")
public class WeekReport {

  /** How many steps of each list a report names at most: the worst first. */
  static final int MOST = 5;

  /** A figure against its target last week; {@code lastWeek} as the scorecard measures it, null when nothing was measured. */
  @NamedInterface("reports")
  public record TargetFigure(String processName, String figure, String taskName, String target, Double lastWeek,
      Boolean met, String trend) {}

  /** A step of a process and how many of its tasks did something last week. */
  @NamedInterface("reports")
  public record StepCount(String processName, String taskName, long count) {}

  @NamedInterface("reports")
  public record Week(LocalDate weekStart, List<TargetFigure> figures, List<StepCount> missedDueDates,
      List<StepCount> escalations) {}

  /** A row of the per-step counts: process name {@code P}, step name {@code N}, count {@code C}. */
  private static final RowMapper<StepCount> STEP_COUNT =
      (rs, row) -> new StepCount(rs.getString("P"), rs.getString("N"), rs.getLong("C"));

  private final TargetScorecard scorecard;
  private final JdbcTemplate jdbc;
  private final WorkingCalendar calendar;

  WeekReport(TargetScorecard scorecard, JdbcTemplate jdbc, WorkingCalendar calendar) {
    this.scorecard = scorecard;
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  /** Last week of these processes (by key); processes that are not deployed show nothing. */
  public Week lastWeek(Collection<String> processKeys) {
    LocalDate weekStart = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), calendar.zone())
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
    List<TargetFigure> figures = scorecard.figures(2).stream().filter(f -> processKeys.contains(f.processKey()))
        .map(WeekReport::targetFigure).toList();
    if (processKeys.isEmpty()) {
      return new Week(weekStart, figures, List.of(), List.of());
    }
    Timestamp from = start(weekStart);
    Timestamp to = start(weekStart.plusWeeks(1));
    String in = String.join(",", processKeys.stream().map(key -> "?").toList());
    Object[] arguments = arguments(processKeys, from, to);
    List<StepCount> missed = jdbc.query("SELECT D.NAME_ P, MAX(T.NAME_) N, COUNT(*) C FROM ACT_HI_TASKINST T"
            + " JOIN ACT_RE_PROCDEF D ON D.ID_ = T.PROC_DEF_ID_"
            + " WHERE T.PROC_DEF_KEY_ IN (" + in + ") AND T.END_TIME_ >= ? AND T.END_TIME_ < ?"
            + " AND T.DUE_DATE_ IS NOT NULL AND T.END_TIME_ > T.DUE_DATE_"
            + " GROUP BY D.NAME_, T.TASK_DEF_KEY_ ORDER BY C DESC, P, N",
        STEP_COUNT, arguments);
    Object[] escalatedArguments = new Object[arguments.length + 1];
    escalatedArguments[0] = TasklistFilters.ESCALATED_VARIABLE;
    System.arraycopy(arguments, 0, escalatedArguments, 1, arguments.length);
    List<StepCount> escalated = jdbc.query("SELECT D.NAME_ P, MAX(T.NAME_) N, COUNT(*) C FROM ACT_HI_VARINST V"
            + " JOIN ACT_HI_TASKINST T ON T.ID_ = V.TASK_ID_ JOIN ACT_RE_PROCDEF D ON D.ID_ = T.PROC_DEF_ID_"
            + " WHERE V.NAME_ = ? AND V.LONG_ = 1 AND V.PROC_DEF_KEY_ IN (" + in + ")"
            + " AND V.CREATE_TIME_ >= ? AND V.CREATE_TIME_ < ?"
            + " GROUP BY D.NAME_, T.TASK_DEF_KEY_ ORDER BY C DESC, P, N",
        STEP_COUNT, escalatedArguments);
    return new Week(weekStart, figures, missed.stream().limit(MOST).toList(), escalated.stream().limit(MOST).toList());
  }

  private static Object[] arguments(Collection<String> processKeys, Timestamp from, Timestamp to) {
    Object[] arguments = new Object[processKeys.size() + 2];
    int i = 0;
    for (String key : processKeys) {
      arguments[i++] = key;
    }
    arguments[i++] = from;
    arguments[i] = to;
    return arguments;
  }

  private static TargetFigure targetFigure(Figure figure) {
    return new TargetFigure(figure.processName(), figure.figure(), figure.taskName(), figure.target(), figure.lastWeek(),
        figure.met(), figure.trend());
  }

  private Timestamp start(LocalDate day) {
    return Timestamp.from(day.atStartOfDay(calendar.zone()).toInstant());
  }
}
