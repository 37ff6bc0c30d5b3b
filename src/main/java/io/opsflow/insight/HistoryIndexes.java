package io.opsflow.insight;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes the insight queries need on the engine's history tables, beyond Camunda's own: reports
 * select one process's rows by a time range, reading the index alone where it covers the query.
 * Created at every start-up, idempotently ({@code CREATE INDEX IF NOT EXISTS}: H2 and PostgreSQL).
 */
@Component
@Order(HistoryIndexes.ORDER)
class HistoryIndexes implements ApplicationRunner {

  static final int ORDER = 5;
  private static final Logger LOG = LoggerFactory.getLogger(HistoryIndexes.class);

  /** The history of one process, newest first: read in this index's order (see InstanceSearch). */
  static final String PROCESS_HISTORY_NEWEST_FIRST = "OPSFLOW_IDX_HI_PI_KEY_START";

  static final List<String> INDEXES = List.of(
      // KPIs started; history search of one process, newest first (read in index order)
      PROCESS_HISTORY_NEWEST_FIRST + " ON ACT_HI_PROCINST (PROC_DEF_KEY_, START_TIME_ DESC, PROC_INST_ID_)",
      // history search of one process by business key (prefix)
      "OPSFLOW_IDX_HI_PI_KEY_BUSKEY ON ACT_HI_PROCINST (PROC_DEF_KEY_, BUSINESS_KEY_)",
      // KPIs completed, cancelled, cycle time, throughput, running: one process by end; covering
      // (state and duration inside), so the database reads no table rows for them
      "OPSFLOW_IDX_HI_PI_KEY_END ON ACT_HI_PROCINST (PROC_DEF_KEY_, END_TIME_, STATE_, DURATION_)",
      // bottlenecks: one process's tasks by creation; covering (no table rows read)
      "OPSFLOW_IDX_HI_TI_KEY_START ON ACT_HI_TASKINST (PROC_DEF_KEY_, START_TIME_, TASK_DEF_KEY_, NAME_,"
          + " END_TIME_, DUE_DATE_, TASK_STATE_, ID_)",
      // bottlenecks: first assignments of one process's tasks since the period's start; covering
      "OPSFLOW_IDX_HI_IDL_KEY_CLAIM ON ACT_HI_IDENTITYLINK (PROC_DEF_KEY_, TYPE_, OPERATION_TYPE_, TIMESTAMP_,"
          + " TASK_ID_)",
      // bottlenecks: escalations (task-local variable) of one process since the period's start; covering
      "OPSFLOW_IDX_HI_VAR_NAME_KEY ON ACT_HI_VARINST (NAME_, PROC_DEF_KEY_, CREATE_TIME_, LONG_, TASK_ID_)",
      // heatmap: one process's activities by start; covering
      "OPSFLOW_IDX_HI_AI_KEY_START ON ACT_HI_ACTINST (PROC_DEF_KEY_, START_TIME_, ACT_ID_, ACT_NAME_, ACT_TYPE_,"
          + " END_TIME_, DURATION_)");

  private final JdbcTemplate jdbc;

  HistoryIndexes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    INDEXES.forEach(index -> jdbc.execute("CREATE INDEX IF NOT EXISTS " + index));
    LOG.info("History indexes for insight in place ({})", INDEXES.size());
  }
}
