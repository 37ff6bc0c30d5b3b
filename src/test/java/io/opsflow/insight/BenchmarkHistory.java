package io.opsflow.insight;

import io.opsflow.platform.TasklistFilters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills the history with order-fulfillment-like instances, fast: {@link #TEMPLATE} instances are
 * driven through the engine (job executor off, history full, engine clock moved), so their rows
 * are exactly what the engine writes; then the history rows of those instances are copied with
 * SQL, each copy with its own ids and business keys ({@link #copiedId}) and shifted back in time by the span of
 * the template, until the target count is reached. Copied: process, activity and task instances,
 * assignee history and variables (what the reports read); not the variable update details or
 * operation log (only the one-instance timeline reads those). H2 SQL ({@code DATEADD}).
 */
final class BenchmarkHistory {

  static final String PROCESS_KEY = "Process_BenchmarkOrder";
  static final int TEMPLATE = 1_000;
  /** The template's instances start within this span; copy n is moved back n spans. */
  static final Duration SPAN = Duration.ofHours(88);
  private static final List<String> ID_COLUMNS = List.of("ID_", "PROC_INST_ID_", "ROOT_PROC_INST_ID_",
      "EXECUTION_ID_", "ACT_INST_ID_", "TASK_ID_", "PARENT_ACT_INST_ID_", "CALL_PROC_INST_ID_",
      "SUPER_PROCESS_INSTANCE_ID_", "PARENT_TASK_ID_", "VAR_INST_ID_");
  private static final Map<String, String> TEMPLATE_ROWS = Map.of(
      "ACT_HI_PROCINST", "PROC_DEF_KEY_ = ? AND LOCATE('_', PROC_INST_ID_) = 0",
      "ACT_HI_ACTINST", "PROC_DEF_KEY_ = ? AND LOCATE('_', PROC_INST_ID_) = 0",
      "ACT_HI_TASKINST", "PROC_DEF_KEY_ = ? AND LOCATE('_', PROC_INST_ID_) = 0",
      "ACT_HI_VARINST", "PROC_DEF_KEY_ = ? AND LOCATE('_', PROC_INST_ID_) = 0",
      "ACT_HI_IDENTITYLINK", "TASK_ID_ IN (SELECT ID_ FROM ACT_HI_TASKINST WHERE PROC_DEF_KEY_ = ?"
          + " AND LOCATE('_', PROC_INST_ID_) = 0)");

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;
  private final Random random = new Random(42);

  BenchmarkHistory(ProcessEngine engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  long completedInstances() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = ? AND STATE_ = 'COMPLETED'",
        Long.class, PROCESS_KEY);
  }

  /** Drives the template through the engine, copies it up to {@code target}, adds some open orders. */
  void fill(int target, int running) {
    engine.getRepositoryService().createDeployment().name("insight-benchmark")
        .addClasspathResource("insight/benchmark-order.bpmn").enableDuplicateFiltering(true).deploy();
    Instant end = Instant.now().minus(Duration.ofDays(1));
    Instant templateStart = end.minus(SPAN);
    long started = System.nanoTime();
    for (int i = 0; i < TEMPLATE; i++) {
      completeOrder(templateStart.plusMillis(SPAN.toMillis() * i / TEMPLATE), "order-" + i);
    }
    System.out.printf("template: %d orders through the engine in %d s%n", TEMPLATE,
        Duration.ofNanos(System.nanoTime() - started).toSeconds());
    started = System.nanoTime();
    keepTemplate();
    for (int copy = 1; copy < target / TEMPLATE; copy++) {
      copy(copy);
    }
    dropTemplate();
    System.out.printf("copies: %d in %d s%n", target / TEMPLATE - 1, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    for (int i = 0; i < running; i++) {
      startOrder(Instant.now().minus(Duration.ofHours(random.nextInt(48))), "open-" + i);
    }
    ClockUtil.reset();
  }

  private ProcessInstance startOrder(Instant at, String businessKey) {
    ClockUtil.setCurrentTime(Date.from(at));
    Map<String, Object> variables = new HashMap<>();
    variables.put("large", random.nextInt(5) == 0);
    variables.put("approveDue", Date.from(at.plus(Duration.ofHours(8))));
    variables.put("pickDue", Date.from(at.plus(Duration.ofHours(24))));
    return engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, businessKey, variables);
  }

  private void completeOrder(Instant at, String businessKey) {
    ProcessInstance order = startOrder(at, businessKey);
    Instant now = at;
    TaskService tasks = engine.getTaskService();
    for (Task task = next(order); task != null; task = next(order)) {
      now = now.plus(Duration.ofMinutes(5 + random.nextInt(task.getTaskDefinitionKey().contains("Pick") ? 1800 : 240)));
      ClockUtil.setCurrentTime(Date.from(now));
      tasks.claim(task.getId(), "wendy");
      if (random.nextInt(20) == 0) {
        tasks.setVariableLocal(task.getId(), TasklistFilters.ESCALATED_VARIABLE, true);
      }
      now = now.plus(Duration.ofMinutes(5 + random.nextInt(120)));
      ClockUtil.setCurrentTime(Date.from(now));
      tasks.complete(task.getId());
    }
  }

  private Task next(ProcessInstance order) {
    return engine.getTaskService().createTaskQuery().processInstanceId(order.getId()).singleResult();
  }

  /**
   * The id of a copy: the template's id, cut to fit the column (ids end with the engine's UUID
   * node part, the same for all of them) and suffixed with the copy's number.
   */
  private static String copiedId(String column, int copy) {
    return "LEFT(" + column + ", 58) || '_c" + copy + "'";
  }

  /** Keeps the template's rows in tables of their own, so that each copy reads 1,000 orders, not all. */
  private void keepTemplate() {
    TEMPLATE_ROWS.forEach((table, where) -> {
      jdbc.execute("DROP TABLE IF EXISTS " + templateOf(table));
      jdbc.update("CREATE TABLE " + templateOf(table) + " AS SELECT * FROM " + table + " WHERE " + where, PROCESS_KEY);
    });
  }

  private void dropTemplate() {
    TEMPLATE_ROWS.keySet().forEach(table -> jdbc.execute("DROP TABLE " + templateOf(table)));
  }

  private static String templateOf(String table) {
    return "BENCHMARK_TEMPLATE_" + table;
  }

  private void copy(int copy) {
    long shiftSeconds = -SPAN.toSeconds() * copy;
    TEMPLATE_ROWS.keySet().forEach(table -> {
      List<String> columns = jdbc.queryForList("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
          + " WHERE TABLE_NAME = ? ORDER BY ORDINAL_POSITION", String.class, table);
      Set<String> timestamps = Set.copyOf(jdbc.queryForList("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
          + " WHERE TABLE_NAME = ? AND DATA_TYPE LIKE 'TIMESTAMP%'", String.class, table));
      List<String> values = new ArrayList<>();
      for (String column : columns) {
        if (ID_COLUMNS.contains(column) || column.equals("BUSINESS_KEY_")) {
          values.add(copiedId(column, copy));
        } else if (timestamps.contains(column)) {
          values.add("DATEADD(SECOND, " + shiftSeconds + ", " + column + ")");
        } else {
          values.add(column);
        }
      }
      jdbc.update("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT "
          + String.join(", ", values) + " FROM " + templateOf(table));
    });
  }
}
