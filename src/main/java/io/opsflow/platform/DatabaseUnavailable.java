package io.opsflow.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database cannot be reached (stopped, restarting, network gone): a request that needed it
 * answers 503 with {@code Retry-After} and a one-line reason, not 500, wherever it failed (the
 * login, our API, the engine REST API). The connection pool waits at most
 * {@code spring.datasource.hikari.connection-timeout} for a connection, so the answer comes soon.
 * Nothing needs restarting when the database is back: the pool connects again, the job executor
 * and the outbox's sweep carry on.
 * <p>
 * A failure tells by its causes (a connection failure, SQLSTATE 08, or a shutdown, 57P), or, when
 * the cause was lost (a rollback on a connection the pool had already thrown away replaces the
 * original failure), by a database failure while the pool cannot hand out a working connection.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class DatabaseUnavailable extends OncePerRequestFilter {

  static final int RETRY_AFTER_SECONDS = 5;
  static final String REASON = "the database cannot be reached; try again in a few seconds"
      + " (a creation sent again with the same Idempotency-Key is not made twice)";
  private static final int PROBE_SECONDS = 2;
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailable.class);

  private final DataSource dataSource;

  DatabaseUnavailable(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Whether the failure comes from a database that cannot be reached. */
  boolean explains(Throwable failure) {
    boolean fromDatabase = false;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (cause instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
          return true;
        }
        fromDatabase = true;
      }
    }
    return fromDatabase && !reachable();
  }

  /** The answer of our API to such a failure. */
  ResponseEntity<ProblemDetail> answer() {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS))
        .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, REASON));
  }

  private boolean reachable() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(PROBE_SECONDS);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException failure) {
      if (response.isCommitted() || !explains(failure)) {
        throw failure;
      }
      LOG.warn("{} {}: {}", request.getMethod(), request.getRequestURI(), REASON);
      response.reset();
      response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
      Problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, REASON);
    }
  }
}
