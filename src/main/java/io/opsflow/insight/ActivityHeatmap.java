package io.opsflow.insight;

import static io.opsflow.insight.Sql.median;
import static io.opsflow.insight.Sql.p90;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What happened at each activity of a process (all versions, by activity id) in the period: how
 * often it was entered, how many are still there, how long it took. Drawn over the diagram.
 */
@Service
class ActivityHeatmap {

  /** Durations in milliseconds over the finished ones; null when none finished. */
  record ActivityHeat(String activityId, String activityName, String activityType, long entered, long active,
      Long durationMedianMillis, Long durationP90Millis) {}

  private final JdbcTemplate jdbc;
  private final ProcessCatalog catalog;

  ActivityHeatmap(JdbcTemplate jdbc, ProcessCatalog catalog) {
    this.jdbc = jdbc;
    this.catalog = catalog;
  }

  List<ActivityHeat> of(String processKey, ReportPeriod period) {
    catalog.get(processKey);
    return jdbc.query("SELECT ACT_ID_, MAX(ACT_NAME_) NAME, MAX(ACT_TYPE_) TYPE, COUNT(*) ENTERED,"
            + " SUM(CASE WHEN END_TIME_ IS NULL THEN 1 ELSE 0 END) ACTIVE,"
            + " " + median("DURATION_") + " MEDIAN_MS, " + p90("DURATION_") + " P90_MS"
            + " FROM ACT_HI_ACTINST WHERE PROC_DEF_KEY_ = ? AND START_TIME_ >= ? AND START_TIME_ < ?"
            + " GROUP BY ACT_ID_ ORDER BY ACT_ID_",
        (rs, row) -> new ActivityHeat(rs.getString("ACT_ID_"), rs.getString("NAME"), rs.getString("TYPE"),
            rs.getLong("ENTERED"), rs.getLong("ACTIVE"), Sql.millis(rs, "MEDIAN_MS"), Sql.millis(rs, "P90_MS")),
        processKey, period.start(), period.end());
  }
}
