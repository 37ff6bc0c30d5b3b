package io.opsflow.insight;

import io.opsflow.insight.ProcessCatalog.DeployedProcess;
import io.opsflow.platform.ApiException;
import io.opsflow.platform.WorkingCalendar;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Each target in force against its figure, week by week over the last complete weeks (Monday to
 * Sunday in the calendar's zone), with last week's figure, whether it met the target, and the
 * trend from the week before.
 * <ul>
 *   <li>{@code cycleTimeP90}: 90th percentile of the working time (on the working calendar) from
 *       start to end of the instances completed in the week, milliseconds.
 *   <li>{@code onTimePercent}: user tasks completed in the week no later than their due date,
 *       among those completed in the week that had one; {@code stepOnTimePercent} the same for
 *       one user task.
 *   <li>{@code workInProgress}: instances running at the end of the week.
 * </ul>
 */
@Service
class TargetScorecard {

  static final int DEFAULT_WEEKS = 6;
  static final int MAX_WEEKS = 26;

  static final String CYCLE_TIME = "cycleTimeP90";
  static final String ON_TIME = "onTimePercent";
  static final String WORK_IN_PROGRESS = "workInProgress";
  static final String STEP_ON_TIME = "stepOnTimePercent";

  /** One figure of a process (or of one of its steps when {@code taskKey} is set) against its target. */
  record Figure(String processKey, String processName, String figure, String taskKey, String taskName,
      String target, double targetValue, Double lastWeek, Boolean met, String trend, List<WeekValue> weeks) {

    Line line() {
      return new Line(processKey, processName, figure, taskKey, taskName, target, targetValue, lastWeek, met, trend);
    }
  }

  /** A figure in a week; null when there was nothing to measure. */
  record WeekValue(LocalDate weekStart, Double value) {}

  /** A figure without its weeks: one CSV row. */
  record Line(String processKey, String processName, String figure, String taskKey, String taskName,
      String target, double targetValue, Double lastWeek, Boolean met, String trend) {}

  /** Whether lower or higher is better for a figure. */
  private enum Direction {
    LOWER_IS_BETTER, HIGHER_IS_BETTER;

    boolean meets(double value, double target) {
      return this == LOWER_IS_BETTER ? value <= target : value >= target;
    }

    String trend(double last, double before) {
      if (last == before) {
        return "same";
      }
      return (last < before) == (this == LOWER_IS_BETTER) ? "better" : "worse";
    }
  }

  private record DueTask(String taskKey, long ended, long due) {

    boolean onTime() {
      return ended <= due;
    }
  }

  private final JdbcTemplate jdbc;
  private final ProcessTargetRepository targets;
  private final ProcessCatalog catalog;
  private final ProcessKpis kpis;
  private final WorkingCalendar calendar;

  TargetScorecard(JdbcTemplate jdbc, ProcessTargetRepository targets, ProcessCatalog catalog, ProcessKpis kpis,
      WorkingCalendar calendar) {
    this.jdbc = jdbc;
    this.targets = targets;
    this.catalog = catalog;
    this.kpis = kpis;
    this.calendar = calendar;
  }

  /** Every figure with a target in force, of the deployed processes, over the last {@code weeks} complete weeks. */
  List<Figure> figures(int weeks) {
    if (weeks < 2 || weeks > MAX_WEEKS) {
      throw ApiException.badField("weeks", "must be from 2 to " + MAX_WEEKS);
    }
    List<LocalDate> weekStarts = lastCompleteWeeks(weeks);
    Map<String, DeployedProcess> deployed = catalog.all().stream()
        .collect(Collectors.toMap(DeployedProcess::key, Function.identity()));
    List<Figure> figures = new ArrayList<>();
    for (ProcessTarget target : targets.findCurrent()) {
      DeployedProcess process = deployed.get(target.processKey());
      if (process != null) {
        figures.addAll(figuresOf(process, target, weekStarts));
      }
    }
    return figures;
  }

  private List<Figure> figuresOf(DeployedProcess process, ProcessTarget target, List<LocalDate> weekStarts) {
    Figures of = new Figures(process, weekStarts);
    if (target.cycleTimeP90() != null) {
      of.add(CYCLE_TIME, null, target.cycleTimeP90(),
          WorkingDuration.of(target.cycleTimeP90(), calendar).toMillis(), Direction.LOWER_IS_BETTER,
          cycleTimes(process.key(), weekStarts));
    }
    Map<String, String> taskNames = catalog.userTasks(process.key());
    List<DueTask> dueTasks = target.onTimePercent() != null || !target.stepOnTimePercent().isEmpty()
        ? dueTasks(process.key(), weekStarts) : List.of();
    if (target.onTimePercent() != null) {
      of.add(ON_TIME, null, percent(target.onTimePercent()), target.onTimePercent(), Direction.HIGHER_IS_BETTER,
          onTimeShares(dueTasks, weekStarts));
    }
    if (target.maxWorkInProgress() != null) {
      of.add(WORK_IN_PROGRESS, null, String.valueOf(target.maxWorkInProgress()), target.maxWorkInProgress(),
          Direction.LOWER_IS_BETTER, weekStarts.stream()
              .map(week -> (double) kpis.running(process.key(), start(week.plusWeeks(1)))).toList());
    }
    target.stepOnTimePercent().forEach((taskKey, percent) -> of.add(STEP_ON_TIME, taskKey, percent(percent), percent,
        Direction.HIGHER_IS_BETTER, onTimeShares(dueTasks.stream().filter(task -> task.taskKey().equals(taskKey))
            .toList(), weekStarts)));
    return of.figures(taskNames);
  }

  /** Collects the figures of one process. */
  private static final class Figures {

    private record Measured(String figure, String taskKey, String target, double targetValue, Direction direction,
        List<Double> values) {}

    private final DeployedProcess process;
    private final List<LocalDate> weekStarts;
    private final List<Measured> measured = new ArrayList<>();

    Figures(DeployedProcess process, List<LocalDate> weekStarts) {
      this.process = process;
      this.weekStarts = weekStarts;
    }

    void add(String figure, String taskKey, String target, double targetValue, Direction direction,
        List<Double> values) {
      measured.add(new Measured(figure, taskKey, target, targetValue, direction, values));
    }

    List<Figure> figures(Map<String, String> taskNames) {
      return measured.stream().map(m -> figure(m, taskNames)).toList();
    }

    private Figure figure(Measured m, Map<String, String> taskNames) {
      List<WeekValue> weeks = new ArrayList<>();
      for (int i = 0; i < weekStarts.size(); i++) {
        weeks.add(new WeekValue(weekStarts.get(i), m.values().get(i)));
      }
      Double last = m.values().get(m.values().size() - 1);
      Double before = m.values().get(m.values().size() - 2);
      return new Figure(process.key(), process.name(), m.figure(), m.taskKey(),
          m.taskKey() == null ? null : taskNames.getOrDefault(m.taskKey(), m.taskKey()), m.target(), m.targetValue(),
          last, last == null ? null : m.direction().meets(last, m.targetValue()),
          last == null || before == null ? null : m.direction().trend(last, before), weeks);
    }
  }

  private List<Double> cycleTimes(String processKey, List<LocalDate> weekStarts) {
    Map<LocalDate, List<Long>> perWeek = new HashMap<>();
    jdbc.query("SELECT START_TIME_, END_TIME_ FROM ACT_HI_PROCINST"
            + " WHERE PROC_DEF_KEY_ = ? AND END_TIME_ >= ? AND END_TIME_ < ? AND STATE_ = 'COMPLETED'",
        rs -> {
          Timestamp ended = rs.getTimestamp("END_TIME_");
          perWeek.computeIfAbsent(weekOf(ended), week -> new ArrayList<>()).add(
              calendar.between(rs.getTimestamp("START_TIME_").toInstant(), ended.toInstant()).toMillis());
        }, processKey, start(weekStarts.get(0)), start(weekAfter(weekStarts)));
    return weekStarts.stream().map(week -> {
      Long p90 = Percentiles.of(perWeek.getOrDefault(week, List.of())).p90();
      return p90 == null ? null : p90.doubleValue();
    }).toList();
  }

  private List<DueTask> dueTasks(String processKey, List<LocalDate> weekStarts) {
    return jdbc.query("SELECT TASK_DEF_KEY_, END_TIME_, DUE_DATE_ FROM ACT_HI_TASKINST"
            + " WHERE PROC_DEF_KEY_ = ? AND END_TIME_ >= ? AND END_TIME_ < ? AND DUE_DATE_ IS NOT NULL"
            + " AND TASK_STATE_ = 'Completed'",
        (rs, row) -> new DueTask(rs.getString("TASK_DEF_KEY_"), rs.getTimestamp("END_TIME_").getTime(),
            rs.getTimestamp("DUE_DATE_").getTime()),
        processKey, start(weekStarts.get(0)), start(weekAfter(weekStarts)));
  }

  private List<Double> onTimeShares(List<DueTask> tasks, List<LocalDate> weekStarts) {
    Map<LocalDate, List<DueTask>> perWeek = tasks.stream()
        .collect(Collectors.groupingBy(task -> weekOf(new Timestamp(task.ended()))));
    return weekStarts.stream().map(week -> {
      List<DueTask> done = perWeek.getOrDefault(week, List.of());
      return done.isEmpty() ? null
          : Math.round(1000.0 * done.stream().filter(DueTask::onTime).count() / done.size()) / 10.0;
    }).toList();
  }

  private List<LocalDate> lastCompleteWeeks(int weeks) {
    LocalDate thisWeek = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), calendar.zone())
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    List<LocalDate> starts = new ArrayList<>();
    for (int i = weeks; i >= 1; i--) {
      starts.add(thisWeek.minusWeeks(i));
    }
    return starts;
  }

  private static LocalDate weekAfter(List<LocalDate> weekStarts) {
    return weekStarts.get(weekStarts.size() - 1).plusWeeks(1);
  }

  private LocalDate weekOf(Timestamp time) {
    return LocalDate.ofInstant(time.toInstant(), calendar.zone()).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  private Timestamp start(LocalDate day) {
    return Timestamp.from(day.atStartOfDay(calendar.zone()).toInstant());
  }

  private static String percent(double value) {
    return (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value)) + " %";
  }
}
