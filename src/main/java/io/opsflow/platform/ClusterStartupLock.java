package io.opsflow.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Nodes of a cluster start one after the other on their shared PostgreSQL database: the first to
 * get its data source takes a PostgreSQL advisory lock and keeps it until its start-up is done
 * (readiness {@link ReadinessState#ACCEPTING_TRAFFIC}: migrations, the engine's tables, the
 * folders deployed, the organisation seeded). A node started at the same moment waits for it
 * before it touches the database, and then finds the tables made, the files deployed and the
 * seed in place, so it creates, deploys and seeds nothing twice. A node that dies while starting
 * loses its connection, and with it the lock. On H2 (one process per file) there is nothing to do.
 * <p>
 * A bean post-processor, because whatever needs the database first (Flyway, the engine, JPA)
 * needs the data source first.
 */
@Component
class ClusterStartupLock implements BeanPostProcessor {

  /** The advisory lock's key: "opsflow" in ASCII, any number other applications do not use. */
  static final long KEY = 0x6f7073666c6f77L;
  private static final Logger LOG = LoggerFactory.getLogger(ClusterStartupLock.class);

  private Connection holder;

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && holder == null) {
      lock(dataSource);
    }
    return bean;
  }

  private synchronized void lock(DataSource dataSource) {
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      if (!call(connection, "select pg_try_advisory_lock(?)")) {
        LOG.info("Another node of this cluster is starting on the same database; waiting until its start-up is done");
        call(connection, "select pg_advisory_lock(?) is null");
      }
      holder = connection;
    } catch (SQLException e) {
      // the database cannot be reached: the first real use of it reports that, with its cause
      LOG.warn("Could not take the cluster's start-up lock: {}", e.getMessage());
    }
  }

  @EventListener
  void started(AvailabilityChangeEvent<ReadinessState> event) {
    if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
      release();
    }
  }

  @EventListener(ContextClosedEvent.class)
  synchronized void release() {
    if (holder == null) {
      return;
    }
    try (Connection connection = holder) {
      holder = null;
      call(connection, "select pg_advisory_unlock(?)");
    } catch (SQLException e) {
      LOG.warn("Could not release the cluster's start-up lock (the database ends it with the connection): {}", e.getMessage());
    }
  }

  private static boolean call(Connection connection, String query) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(query)) {
      statement.setLong(1, KEY);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getBoolean(1);
      }
    }
  }
}
