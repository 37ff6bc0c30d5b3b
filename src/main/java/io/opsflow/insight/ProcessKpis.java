package io.opsflow.insight;

import static io.opsflow.insight.Sql.median;
import static io.opsflow.insight.Sql.p90;

import io.opsflow.insight.ProcessCatalog.DeployedProcess;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
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
  @Schema(name = "KpiSummary")
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

  /** Every deployed process, one row each (each process's rows are one index range). */
  List<Summary> summaries(ReportPeriod period) {
    return catalog.all().stream().map(process -> summary(process, period)).toList();
  }

  Detail detail(String processKey, ReportPeriod period) {
    DeployedProcess process = catalog.get(processKey);
    return new Detail(summary(process, period), throughput(processKey, period), workInProgress(processKey));
  }

  private Summary summary(DeployedProcess process, ReportPeriod period) {
    String key = process.key();
    long started = number("SELECT COUNT(*) FROM ACT_HI_PROCINST"
        + " WHERE PROC_DEF_KEY_ = ? AND START_TIME_ >= ? AND START_TIME_ < ?", key, period.start(), period.end());
    Ended ended = ended(key, period);
    return new Summary(key, process.name(), period.from(), period.to(), started, ended.completed(),
        ended.cancelled(), running(key, period.end()), ended.median(), ended.p90());
  }

  /**
   * Started before the end and not ended by then: still open, or ended later. Each part selects
   * by end time only (one index range) and counts those started before the end.
   */
  long running(String processKey, Timestamp end) {
    String startedBeforeEnd = "SELECT COALESCE(SUM(CASE WHEN START_TIME_ < ? THEN 1 ELSE 0 END), 0)"
        + " FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = ? AND ";
    return number(startedBeforeEnd + "END_TIME_ IS NULL", end, processKey)
        + number(startedBeforeEnd + "END_TIME_ >= ?", end, processKey, end);
  }

  private long number(String sql, Object... args) {
    Long number = jdbc.queryForObject(sql, Long.class, args);
    return number == null ? 0 : number;
  }

  private Ended ended(String processKey, ReportPeriod period) {
    String completedDuration = "CASE WHEN STATE_ = 'COMPLETED' THEN DURATION_ END";
    return jdbc.queryForObject("SELECT"
            + " COALESCE(SUM(CASE WHEN STATE_ = 'COMPLETED' THEN 1 ELSE 0 END), 0) COMPLETED,"
            + " COALESCE(SUM(CASE WHEN STATE_ IN " + CANCELLED_STATES + " THEN 1 ELSE 0 END), 0) CANCELLED,"
            + " " + median(completedDuration) + " MEDIAN_MS, " + p90(completedDuration) + " P90_MS"
            + " FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = ? AND END_TIME_ >= ? AND END_TIME_ < ?",
        (rs, row) -> new Ended(rs.getLong("COMPLETED"), rs.getLong("CANCELLED"), Sql.millis(rs, "MEDIAN_MS"),
            Sql.millis(rs, "P90_MS")),
        processKey, period.start(), period.end());
  }

  private List<WeekThroughput> throughput(String processKey, ReportPeriod period) {
    Map<LocalDate, Long> perWeek = new TreeMap<>();
    LocalDate lastWeek = weekOf(period.to());
    for (LocalDate week = weekOf(period.from()); !week.isAfter(lastWeek); week = week.plusWeeks(1)) {
      perWeek.put(week, 0L);
    }
    jdbc.query("SELECT CAST(END_TIME_ AS DATE) END_DAY, COUNT(*) N FROM ACT_HI_PROCINST"
            + " WHERE PROC_DEF_KEY_ = ? AND END_TIME_ >= ? AND END_TIME_ < ? AND STATE_ = 'COMPLETED'"
            + " GROUP BY CAST(END_TIME_ AS DATE)",
        rs -> {
          perWeek.merge(weekOf(rs.getDate("END_DAY").toLocalDate()), rs.getLong("N"), Long::sum);
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
}
