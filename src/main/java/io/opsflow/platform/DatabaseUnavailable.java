package io.opsflow.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database cannot be reached (stopped, restarting, network gone): a request that needed it
 * answers 503 with {@code Retry-After} and a one-line reason, not 500, wherever it failed (the
 * login, our API, the engine REST API). The connection pool waits at most
 * {@code spring.datasource.hikari.connection-timeout} for a connection, so the answer comes soon.
 * Nothing needs restarting when the database is back: the pool connects again, the job executor
 * and the outbox's sweep carry on.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class DatabaseUnavailable extends OncePerRequestFilter {

  static final int RETRY_AFTER_SECONDS = 5;
  static final String REASON = "the database cannot be reached; try again in a few seconds"
      + " (a creation sent again with the same Idempotency-Key is not made twice)";
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailable.class);

  /** Whether the failure comes from a database that cannot be reached: a connection failure (SQLSTATE 08) or a shutdown (57P). */
  static boolean causes(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException failure) {
      if (!causes(failure) || response.isCommitted()) {
        throw failure;
      }
      LOG.warn("{} {}: {}", request.getMethod(), request.getRequestURI(), REASON);
      response.reset();
      response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
      ApiError.write(response, HttpStatus.SERVICE_UNAVAILABLE, REASON);
    }
  }
}
