package io.opsflow.insight;

import io.opsflow.platform.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Finds process instances, finished or running, in the history: by process, business key
 * (prefix), the days they started on and their status; newest first, a page at a time.
 */
@Service
class InstanceSearch {

  static final int MAX_PAGE_SIZE = 500;
  static final int MAX_EXPORT_ROWS = 10_000;

  enum Status { RUNNING, COMPLETED, CANCELLED }

  record Criteria(String processKey, String businessKey, LocalDate from, LocalDate to, Status status) {}

  record InstanceRow(String id, String processKey, String businessKey, String status, Instant started,
      Instant ended, Long durationMillis, String startedBy, String endActivityId) {}

  record Page(List<InstanceRow> items, int page, int size, boolean hasMore) {}

  private final JdbcTemplate jdbc;
  private final boolean h2;

  InstanceSearch(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.h2 = "H2".equals(jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()));
  }

  static Status status(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Status.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badField("status", "must be running, completed or cancelled");
    }
  }

  Page page(Criteria criteria, int page, int size) {
    if (page < 0) {
      throw ApiException.badField("page", "must be 0 or more");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw ApiException.badField("size", "must be between 1 and " + MAX_PAGE_SIZE);
    }
    List<InstanceRow> rows = find(criteria, (long) page * size, size + 1);
    boolean hasMore = rows.size() > size;
    return new Page(hasMore ? rows.subList(0, size) : rows, page, size, hasMore);
  }

  List<InstanceRow> export(Criteria criteria) {
    return find(criteria, 0, MAX_EXPORT_ROWS);
  }

  private List<InstanceRow> find(Criteria criteria, long offset, int limit) {
    StringBuilder sql = new StringBuilder("SELECT PROC_INST_ID_, PROC_DEF_KEY_, BUSINESS_KEY_, STATE_, START_TIME_,"
        + " END_TIME_, DURATION_, START_USER_ID_, END_ACT_ID_ FROM ACT_HI_PROCINST");
    if (h2 && inIndexOrder(criteria)) {
      // H2 prefers Camunda's index on the key alone and sorts the process's whole history
      sql.append(" USE INDEX (").append(HistoryIndexes.PROCESS_HISTORY_NEWEST_FIRST).append(')');
    }
    sql.append(" WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (criteria.processKey() != null && !criteria.processKey().isBlank()) {
      sql.append(" AND PROC_DEF_KEY_ = ?");
      args.add(criteria.processKey());
    }
    if (criteria.businessKey() != null && !criteria.businessKey().isBlank()) {
      sql.append(" AND BUSINESS_KEY_ LIKE ? ESCAPE '\\'");
      args.add(criteria.businessKey().trim().replaceAll("([\\\\%_])", "\\\\$1") + "%");
    }
    if (criteria.from() != null || criteria.to() != null) {
      ReportPeriod period = ReportPeriod.of(criteria.from() != null ? criteria.from() : LocalDate.of(1970, 1, 1),
          criteria.to());
      sql.append(" AND START_TIME_ >= ? AND START_TIME_ < ?");
      args.add(period.start());
      args.add(period.end());
    }
    if (criteria.status() != null) {
      sql.append(switch (criteria.status()) {
        case RUNNING -> " AND END_TIME_ IS NULL";
        case COMPLETED -> " AND STATE_ = 'COMPLETED'";
        case CANCELLED -> " AND STATE_ IN " + ProcessKpis.CANCELLED_STATES;
      });
    }
    sql.append(orderBy(criteria)).append(" LIMIT ? OFFSET ?");
    args.add(limit);
    args.add(offset);
    return jdbc.query(sql.toString(), (rs, row) -> new InstanceRow(rs.getString("PROC_INST_ID_"),
        rs.getString("PROC_DEF_KEY_"), rs.getString("BUSINESS_KEY_"), statusOf(rs.getString("STATE_")),
        Sql.instant(rs, "START_TIME_"), Sql.instant(rs, "END_TIME_"), Sql.nullableLong(rs, "DURATION_"),
        rs.getString("START_USER_ID_"), rs.getString("END_ACT_ID_")), args.toArray());
  }

  /**
   * Newest first. For one process without a business key, the order is spelled as the index
   * {@code (PROC_DEF_KEY_, START_TIME_ DESC, PROC_INST_ID_)} is, so the database reads a page in
   * index order instead of sorting the process's whole history; with a business key, the
   * {@code (PROC_DEF_KEY_, BUSINESS_KEY_)} index finds the few rows, which are then sorted.
   */
  private static String orderBy(Criteria criteria) {
    return inIndexOrder(criteria) ? " ORDER BY PROC_DEF_KEY_, START_TIME_ DESC, PROC_INST_ID_"
        : " ORDER BY START_TIME_ DESC, PROC_INST_ID_";
  }

  private static boolean inIndexOrder(Criteria criteria) {
    boolean oneProcess = criteria.processKey() != null && !criteria.processKey().isBlank();
    boolean byBusinessKey = criteria.businessKey() != null && !criteria.businessKey().isBlank();
    return oneProcess && !byBusinessKey;
  }

  /** The engine's state in our words: running (also suspended), completed or cancelled. */
  static String statusOf(String engineState) {
    return switch (engineState) {
      case "COMPLETED" -> "completed";
      case "EXTERNALLY_TERMINATED", "INTERNALLY_TERMINATED" -> "cancelled";
      default -> "running";
    };
  }
}
