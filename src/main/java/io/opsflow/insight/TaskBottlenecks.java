package io.opsflow.insight;

import io.opsflow.platform.TasklistFilters;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
  private static final String COMPLETED = "Completed";

  private final JdbcTemplate jdbc;
  private final ProcessCatalog catalog;

  TaskBottlenecks(JdbcTemplate jdbc, ProcessCatalog catalog) {
    this.jdbc = jdbc;
    this.catalog = catalog;
  }

  /** One task instance of the period: times in epoch milliseconds. */
  private record TaskRow(String key, String name, long created, Long ended, Long due, boolean completed,
      Long claimed, boolean escalated) {

    long claimedOrEnded() {
      return claimed != null ? claimed : ended;
    }
  }

  /**
   * Three index ranges (the period's tasks, their first assignments, the escalated ones), joined
   * and measured here: the database reads no table rows and answers no lookup per task.
   */
  List<TaskBottleneck> of(String processKey, ReportPeriod period) {
    catalog.get(processKey);
    Map<String, Long> claims = new HashMap<>();
    jdbc.query("SELECT TASK_ID_, MIN(TIMESTAMP_) CLAIMED FROM ACT_HI_IDENTITYLINK"
            + " WHERE PROC_DEF_KEY_ = ? AND TYPE_ = 'assignee' AND OPERATION_TYPE_ = 'add' AND TIMESTAMP_ >= ?"
            + " GROUP BY TASK_ID_",
        rs -> {
          claims.put(rs.getString("TASK_ID_"), rs.getTimestamp("CLAIMED").getTime());
        }, processKey, period.start());
    Set<String> escalated = new HashSet<>(jdbc.queryForList("SELECT TASK_ID_ FROM ACT_HI_VARINST"
        + " WHERE NAME_ = ? AND PROC_DEF_KEY_ = ? AND CREATE_TIME_ >= ? AND LONG_ = 1 AND TASK_ID_ IS NOT NULL",
        String.class, TasklistFilters.ESCALATED_VARIABLE, processKey, period.start()));
    Map<String, List<TaskRow>> byTask = new TreeMap<>();
    jdbc.query("SELECT ID_, TASK_DEF_KEY_, NAME_, START_TIME_, END_TIME_, DUE_DATE_, TASK_STATE_ FROM ACT_HI_TASKINST"
            + " WHERE PROC_DEF_KEY_ = ? AND START_TIME_ >= ? AND START_TIME_ < ?",
        rs -> {
          String id = rs.getString("ID_");
          Instant ended = Sql.instant(rs, "END_TIME_");
          Instant due = Sql.instant(rs, "DUE_DATE_");
          byTask.computeIfAbsent(rs.getString("TASK_DEF_KEY_"), key -> new ArrayList<>()).add(new TaskRow(
              rs.getString("TASK_DEF_KEY_"), rs.getString("NAME_"), rs.getTimestamp("START_TIME_").getTime(),
              ended == null ? null : ended.toEpochMilli(), due == null ? null : due.toEpochMilli(),
              COMPLETED.equals(rs.getString("TASK_STATE_")), claims.get(id), escalated.contains(id)));
        }, processKey, period.start(), period.end());
    Map<String, Overdue> overdue = overdueNow(processKey);
    List<TaskBottleneck> rows = new ArrayList<>();
    byTask.forEach((key, tasks) -> rows.add(bottleneck(key, tasks, overdue)));
    overdue.forEach((key, open) -> {
      if (!byTask.containsKey(key)) {
        rows.add(new TaskBottleneck(key, open.taskName(), 0, 0, 0, 0, null, open.count(), 0,
            null, null, null, null, null, null));
      }
    });
    return rows.stream().sorted(Comparator.comparing(TaskBottleneck::durationMedianMillis,
        Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(TaskBottleneck::taskKey)).toList();
  }

  private static TaskBottleneck bottleneck(String key, List<TaskRow> tasks, Map<String, Overdue> overdue) {
    List<TaskRow> done = tasks.stream().filter(TaskRow::completed).toList();
    List<TaskRow> withDue = done.stream().filter(task -> task.due() != null).toList();
    long onTime = withDue.stream().filter(task -> task.ended() <= task.due()).count();
    Percentiles waiting = Percentiles.of(done.stream().map(task -> task.claimedOrEnded() - task.created()).toList());
    Percentiles working = Percentiles.of(done.stream().map(task -> task.ended() - task.claimedOrEnded()).toList());
    Percentiles duration = Percentiles.of(done.stream().map(task -> task.ended() - task.created()).toList());
    return new TaskBottleneck(key, tasks.get(0).name(), tasks.size(), done.size(), withDue.size(), onTime,
        withDue.isEmpty() ? null : Math.round(1000.0 * onTime / withDue.size()) / 10.0,
        overdue.containsKey(key) ? overdue.get(key).count() : 0, tasks.stream().filter(TaskRow::escalated).count(),
        waiting.median(), waiting.p90(), working.median(), working.p90(), duration.median(), duration.p90());
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
