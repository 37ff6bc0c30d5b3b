package io.opsflow.insight;

import static io.opsflow.insight.Sql.median;
import static io.opsflow.insight.Sql.p90;

import io.opsflow.insight.ProcessCatalog.DeployedProcess;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Key figures per process for a period, straight from the engine's history tables: instances
 * started, completed and cancelled in the period, running at its end, cycle time of the
 * completed ones, throughput per week, and the work in progress now per user task.
 */
@Service
class ProcessKpis {

  /** One process in one period. Durations in milliseconds; null when nothing completed. */
  record Summary(String processKey, String processName, LocalDate from, LocalDate to, long started,
      long completed, long cancelled, long running, Long cycleTimeMedianMillis, Long cycleTimeP90Millis) {}

  record Detail(Summary summary, List<WeekThroughput> throughput, List<TaskWorkInProgress> workInProgress) {}

  /** Instances completed in the week starting on Monday {@code weekStart} (within the period). */
  record WeekThroughput(LocalDate weekStart, long completed) {}

  /** Open user tasks now, per task of the model. */
  record TaskWorkInProgress(String taskKey, String taskName, long open, long unassigned, long overdue) {}

  private record Ended(long completed, long cancelled, Long median, Long p90) {}

  static final String CANCELLED_STATES = "('EXTERNALLY_TERMINATED', 'INTERNALLY_TERMINATED')";

  private final JdbcTemplate jdbc;
  private final ProcessCatalog catalog;

  ProcessKpis(JdbcTemplate jdbc, ProcessCatalog catalog) {
    this.jdbc = jdbc;
    this.catalog = catalog;
  }

  /** Every deployed process, one row each. */
  List<Summary> summaries(ReportPeriod period) {
    Map<String, Long> started = started(period, null);
    Map<String, Ended> ended = ended(period, null);
    Map<String, Long> running = running(period, null);
    return catalog.all().stream().map(p -> summary(p, period, started, ended, running)).toList();
  }

  Detail detail(String processKey, ReportPeriod period) {
    DeployedProcess process = catalog.get(processKey);
    Summary summary = summary(process, period, started(period, processKey), ended(period, processKey),
        running(period, processKey));
    return new Detail(summary, throughput(processKey, period), workInProgress(processKey));
  }

  private static Summary summary(DeployedProcess process, ReportPeriod period, Map<String, Long> started,
      Map<String, Ended> ended, Map<String, Long> running) {
    Ended end = ended.getOrDefault(process.key(), new Ended(0, 0, null, null));
    return new Summary(process.key(), process.name(), period.from(), period.to(),
        started.getOrDefault(process.key(), 0L), end.completed(), end.cancelled(),
        running.getOrDefault(process.key(), 0L), end.median(), end.p90());
  }

  private Map<String, Long> started(ReportPeriod period, String processKey) {
    return countsByKey("START_TIME_ >= ? AND START_TIME_ < ?", processKey, period.start(), period.end());
  }

  private Map<String, Ended> ended(ReportPeriod period, String processKey) {
    String completedDuration = "CASE WHEN STATE_ = 'COMPLETED' THEN DURATION_ END";
    Map<String, Ended> ended = new HashMap<>();
    jdbc.query("SELECT PROC_DEF_KEY_ K,"
            + " SUM(CASE WHEN STATE_ = 'COMPLETED' THEN 1 ELSE 0 END) COMPLETED,"
            + " SUM(CASE WHEN STATE_ IN " + CANCELLED_STATES + " THEN 1 ELSE 0 END) CANCELLED,"
            + " " + median(completedDuration) + " MEDIAN_MS, " + p90(completedDuration) + " P90_MS"
            + " FROM ACT_HI_PROCINST WHERE END_TIME_ >= ? AND END_TIME_ < ?" + keyFilter(processKey)
            + " GROUP BY PROC_DEF_KEY_",
        rs -> {
          ended.put(rs.getString("K"), new Ended(rs.getLong("COMPLETED"), rs.getLong("CANCELLED"),
              Sql.millis(rs, "MEDIAN_MS"), Sql.millis(rs, "P90_MS")));
        }, args(processKey, period.start(), period.end()));
    return ended;
  }

  /** Started before the period's end and not ended by then: still open or ended later. */
  private Map<String, Long> running(ReportPeriod period, String processKey) {
    Timestamp end = period.end();
    Map<String, Long> running = countsByKey("END_TIME_ IS NULL AND START_TIME_ < ?", processKey, end);
    countsByKey("END_TIME_ >= ? AND START_TIME_ < ?", processKey, end, end).forEach((key, count) ->
        running.merge(key, count, Long::sum));
    return running;
  }

  /** Instances per process key matching a condition (two range conditions at most: one index each). */
  private Map<String, Long> countsByKey(String condition, String processKey, Object... args) {
    Map<String, Long> counts = new HashMap<>();
    jdbc.query("SELECT PROC_DEF_KEY_ K, COUNT(*) N FROM ACT_HI_PROCINST WHERE " + condition + keyFilter(processKey)
            + " GROUP BY PROC_DEF_KEY_",
        rs -> {
          counts.put(rs.getString("K"), rs.getLong("N"));
        }, args(processKey, args));
    return counts;
  }

  private List<WeekThroughput> throughput(String processKey, ReportPeriod period) {
    Map<LocalDate, Long> perWeek = new TreeMap<>();
    LocalDate lastWeek = weekOf(period.to());
    for (LocalDate week = weekOf(period.from()); !week.isAfter(lastWeek); week = week.plusWeeks(1)) {
      perWeek.put(week, 0L);
    }
    jdbc.query("SELECT END_TIME_ FROM ACT_HI_PROCINST"
            + " WHERE PROC_DEF_KEY_ = ? AND END_TIME_ >= ? AND END_TIME_ < ? AND STATE_ = 'COMPLETED'",
        rs -> {
          perWeek.merge(weekOf(ReportPeriod.dayOf(rs.getTimestamp(1))), 1L, Long::sum);
        }, processKey, period.start(), period.end());
    List<WeekThroughput> weeks = new ArrayList<>();
    perWeek.forEach((week, count) -> weeks.add(new WeekThroughput(week, count)));
    return weeks;
  }

  private static LocalDate weekOf(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  private List<TaskWorkInProgress> workInProgress(String processKey) {
    return jdbc.query("SELECT T.TASK_DEF_KEY_ K, MAX(T.NAME_) NAME, COUNT(*) OPEN,"
            + " SUM(CASE WHEN T.ASSIGNEE_ IS NULL THEN 1 ELSE 0 END) UNASSIGNED,"
            + " SUM(CASE WHEN T.DUE_DATE_ < ? THEN 1 ELSE 0 END) OVERDUE"
            + " FROM ACT_RU_TASK T JOIN ACT_RE_PROCDEF D ON D.ID_ = T.PROC_DEF_ID_"
            + " WHERE D.KEY_ = ? GROUP BY T.TASK_DEF_KEY_ ORDER BY OPEN DESC, K",
        (rs, row) -> new TaskWorkInProgress(rs.getString("K"), rs.getString("NAME"), rs.getLong("OPEN"),
            rs.getLong("UNASSIGNED"), rs.getLong("OVERDUE")),
        new Timestamp(ClockUtil.getCurrentTime().getTime()), processKey);
  }

  private static String keyFilter(String processKey) {
    return processKey == null ? "" : " AND PROC_DEF_KEY_ = ?";
  }

  private static Object[] args(String processKey, Object... args) {
    if (processKey == null) {
      return args;
    }
    Object[] withKey = new Object[args.length + 1];
    System.arraycopy(args, 0, withKey, 0, args.length);
    withKey[args.length] = processKey;
    return withKey;
  }
}
