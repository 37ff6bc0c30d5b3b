package io.opsflow.insight;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;
import io.opsflow.platform.TasklistFilters;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Process metrics for Prometheus ({@code /actuator/prometheus}, administrators only). A scrape
 * reads numbers kept in memory; a few aggregate queries refresh them on a schedule
 * ({@code opsflow.insight.metrics-refresh}, default one minute).
 * <ul>
 *   <li>{@code opsflow_tasks_open{group}}: open tasks per candidate group
 *   <li>{@code opsflow_tasks_overdue}, {@code opsflow_tasks_escalated}: open tasks past due, escalated
 *   <li>{@code opsflow_escalations_total}: tasks ever escalated (in the history kept)
 *   <li>{@code opsflow_incidents_open}: open incidents (failed jobs and the like)
 *   <li>{@code opsflow_process_instances_started_total{process}},
 *       {@code opsflow_process_instances_completed_total{process}}
 * </ul>
 */
@Component
class InsightMetrics {

  private final JdbcTemplate jdbc;
  private final MeterRegistry registry;
  private final MultiGauge openTasks;
  private final AtomicLong overdue = new AtomicLong();
  private final AtomicLong escalatedOpen = new AtomicLong();
  private final AtomicLong escalations = new AtomicLong();
  private final AtomicLong incidents = new AtomicLong();
  private final Map<String, AtomicLong> started = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> completed = new ConcurrentHashMap<>();

  InsightMetrics(JdbcTemplate jdbc, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.registry = registry;
    openTasks = MultiGauge.builder("opsflow.tasks.open").description("Open user tasks per candidate group")
        .register(registry);
    Gauge.builder("opsflow.tasks.overdue", overdue, AtomicLong::get).description("Open tasks past their due date")
        .register(registry);
    Gauge.builder("opsflow.tasks.escalated", escalatedOpen, AtomicLong::get).description("Open escalated tasks")
        .register(registry);
    FunctionCounter.builder("opsflow.escalations", escalations, AtomicLong::get)
        .description("Tasks escalated to a manager").register(registry);
    Gauge.builder("opsflow.incidents.open", incidents, AtomicLong::get).description("Open incidents")
        .register(registry);
  }

  /** First refresh when the application is ready (history indexes built, deployments done). */
  @EventListener(ApplicationReadyEvent.class)
  void refreshWhenReady() {
    refresh();
  }

  @Scheduled(initialDelayString = "${opsflow.insight.metrics-refresh:PT1M}",
      fixedDelayString = "${opsflow.insight.metrics-refresh:PT1M}")
  void refresh() {
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    List<Row<?>> rows = new ArrayList<>();
    jdbc.query("SELECT L.GROUP_ID_ G, COUNT(DISTINCT T.ID_) N FROM ACT_RU_TASK T"
            + " JOIN ACT_RU_IDENTITYLINK L ON L.TASK_ID_ = T.ID_"
            + " WHERE L.TYPE_ = 'candidate' AND L.GROUP_ID_ IS NOT NULL GROUP BY L.GROUP_ID_",
        rs -> {
          rows.add(Row.of(Tags.of("group", rs.getString("G")), rs.getLong("N")));
        });
    openTasks.register(rows, true);
    overdue.set(count("SELECT COUNT(*) FROM ACT_RU_TASK WHERE DUE_DATE_ < ?", now));
    escalatedOpen.set(count("SELECT COUNT(*) FROM ACT_RU_VARIABLE WHERE NAME_ = ? AND TASK_ID_ IS NOT NULL"
        + " AND LONG_ = 1", TasklistFilters.ESCALATED_VARIABLE));
    escalations.set(count("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE NAME_ = ? AND TASK_ID_ IS NOT NULL"
        + " AND LONG_ = 1", TasklistFilters.ESCALATED_VARIABLE));
    incidents.set(count("SELECT COUNT(*) FROM ACT_RU_INCIDENT"));
    jdbc.query("SELECT PROC_DEF_KEY_ K, COUNT(*) STARTED, SUM(CASE WHEN STATE_ = 'COMPLETED' THEN 1 ELSE 0 END) DONE"
            + " FROM ACT_HI_PROCINST GROUP BY PROC_DEF_KEY_",
        rs -> {
          counter(started, "opsflow.process.instances.started", rs.getString("K")).set(rs.getLong("STARTED"));
          counter(completed, "opsflow.process.instances.completed", rs.getString("K")).set(rs.getLong("DONE"));
        });
  }

  private long count(String sql, Object... args) {
    Long count = jdbc.queryForObject(sql, Long.class, args);
    return count == null ? 0 : count;
  }

  private AtomicLong counter(Map<String, AtomicLong> counters, String name, String processKey) {
    return counters.computeIfAbsent(processKey, key -> {
      AtomicLong value = new AtomicLong();
      FunctionCounter.builder(name, value, AtomicLong::get).tag("process", key).register(registry);
      return value;
    });
  }
}
