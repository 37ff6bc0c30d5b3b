package io.opsflow.insight;

import static io.opsflow.insight.Sql.median;
import static io.opsflow.insight.Sql.millisBetween;
import static io.opsflow.insight.Sql.p90;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * SLA compliance and where work waits, per user task of a process, over the task instances
 * created in the period.
 * <ul>
 *   <li>On time: completed no later than the due date (of those completed that had one).
 *   <li>Overdue now: open tasks past their due date, whenever created (a task with only such
 *       old overdue instances gets a row of its own).
 *   <li>Escalated: the task-local variable {@code escalated} is true (set by the SLA ladder).
 *   <li>Waiting: created until first assigned (claimed or assigned by someone). Working: from
 *       then until completed. Both read the assignee history ({@code ACT_HI_IDENTITYLINK}, type
 *       {@code assignee}, operation {@code add}), which the engine writes on every assignment,
 *       whoever or whatever makes it (Tasklist claim, REST, a listener), with the engine clock.
 *       A task completed without ever being assigned waited its whole life.
 * </ul>
 * Slowest first: by median total time (created to completed).
 */
@Service
class TaskBottlenecks {

  /** Durations in milliseconds; null when no task of that kind was completed in the period. */
  record TaskBottleneck(String taskKey, String taskName, long created, long completed, long completedWithDueDate,
      long completedOnTime, Double onTimePercent, long overdueNow, long escalated,
      Long waitingMedianMillis, Long waitingP90Millis, Long workingMedianMillis, Long workingP90Millis,
      Long durationMedianMillis, Long durationP90Millis) {}

  private record Overdue(String taskName, long count) {}

  static final String ESCALATED_VARIABLE = "escalated";

  private final JdbcTemplate jdbc;
  private final ProcessCatalog catalog;

  TaskBottlenecks(JdbcTemplate jdbc, ProcessCatalog catalog) {
    this.jdbc = jdbc;
    this.catalog = catalog;
  }

  List<TaskBottleneck> of(String processKey, ReportPeriod period) {
    catalog.get(processKey);
    Map<String, Overdue> overdue = overdueNow(processKey);
    String done = "STATE = 'Completed'";
    String claimedOrEnd = "COALESCE(CLAIMED, END_TIME_)";
    String waiting = "CASE WHEN " + done + " THEN " + millisBetween("START_TIME_", claimedOrEnd) + " END";
    String working = "CASE WHEN " + done + " THEN " + millisBetween(claimedOrEnd, "END_TIME_") + " END";
    String duration = "CASE WHEN " + done + " THEN DURATION_ END";
    List<TaskBottleneck> rows = jdbc.query("SELECT K, MAX(N) NAME, COUNT(*) CREATED,"
            + " SUM(CASE WHEN " + done + " THEN 1 ELSE 0 END) COMPLETED,"
            + " SUM(CASE WHEN " + done + " AND DUE_DATE_ IS NOT NULL THEN 1 ELSE 0 END) WITH_DUE,"
            + " SUM(CASE WHEN " + done + " AND END_TIME_ <= DUE_DATE_ THEN 1 ELSE 0 END) ON_TIME,"
            + " SUM(ESC) ESCALATED,"
            + " " + median(waiting) + " WAIT_MEDIAN, " + p90(waiting) + " WAIT_P90,"
            + " " + median(working) + " WORK_MEDIAN, " + p90(working) + " WORK_P90,"
            + " " + median(duration) + " DURATION_MEDIAN, " + p90(duration) + " DURATION_P90"
            + " FROM (SELECT T.TASK_DEF_KEY_ K, T.NAME_ N, T.START_TIME_, T.END_TIME_, T.DURATION_, T.DUE_DATE_,"
            + "   T.TASK_STATE_ STATE,"
            + "   (SELECT MIN(L.TIMESTAMP_) FROM ACT_HI_IDENTITYLINK L"
            + "     WHERE L.TASK_ID_ = T.ID_ AND L.TYPE_ = 'assignee' AND L.OPERATION_TYPE_ = 'add') CLAIMED,"
            + "   CASE WHEN EXISTS (SELECT 1 FROM ACT_HI_VARINST V"
            + "     WHERE V.TASK_ID_ = T.ID_ AND V.NAME_ = ? AND V.LONG_ = 1) THEN 1 ELSE 0 END ESC"
            + "  FROM ACT_HI_TASKINST T"
            + "  WHERE T.PROC_DEF_KEY_ = ? AND T.START_TIME_ >= ? AND T.START_TIME_ < ?) X"
            + " GROUP BY K",
        (rs, row) -> {
          long withDue = rs.getLong("WITH_DUE");
          long onTime = rs.getLong("ON_TIME");
          String key = rs.getString("K");
          return new TaskBottleneck(key, rs.getString("NAME"), rs.getLong("CREATED"), rs.getLong("COMPLETED"),
              withDue, onTime, withDue == 0 ? null : Math.round(1000.0 * onTime / withDue) / 10.0,
              overdue.containsKey(key) ? overdue.get(key).count() : 0, rs.getLong("ESCALATED"),
              Sql.millis(rs, "WAIT_MEDIAN"), Sql.millis(rs, "WAIT_P90"),
              Sql.millis(rs, "WORK_MEDIAN"), Sql.millis(rs, "WORK_P90"),
              Sql.millis(rs, "DURATION_MEDIAN"), Sql.millis(rs, "DURATION_P90"));
        },
        ESCALATED_VARIABLE, processKey, period.start(), period.end());
    List<TaskBottleneck> all = new ArrayList<>(rows);
    overdue.forEach((key, open) -> {
      if (rows.stream().noneMatch(row -> row.taskKey().equals(key))) {
        all.add(new TaskBottleneck(key, open.taskName(), 0, 0, 0, 0, null, open.count(), 0,
            null, null, null, null, null, null));
      }
    });
    return all.stream().sorted(Comparator.comparing(TaskBottleneck::durationMedianMillis,
        Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(TaskBottleneck::taskKey)).toList();
  }

  /** Open tasks past due now, whenever created, per task key. */
  private Map<String, Overdue> overdueNow(String processKey) {
    Map<String, Overdue> overdue = new HashMap<>();
    jdbc.query("SELECT T.TASK_DEF_KEY_ K, MAX(T.NAME_) NAME, COUNT(*) N FROM ACT_RU_TASK T"
            + " JOIN ACT_RE_PROCDEF D ON D.ID_ = T.PROC_DEF_ID_"
            + " WHERE D.KEY_ = ? AND T.DUE_DATE_ < ? GROUP BY T.TASK_DEF_KEY_",
        rs -> {
          overdue.put(rs.getString("K"), new Overdue(rs.getString("NAME"), rs.getLong("N")));
        }, processKey, new Timestamp(ClockUtil.getCurrentTime().getTime()));
    return overdue;
  }
}
