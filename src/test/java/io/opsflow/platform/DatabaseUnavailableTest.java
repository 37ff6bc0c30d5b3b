package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.RunningApp;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.orm.jpa.JpaSystemException;

/** Which failures are a database that cannot be reached (503), and which are not (500). */
class DatabaseUnavailableTest {

  private static final DatabaseUnavailable WITH_DATABASE = new DatabaseUnavailable(h2());
  private static final DatabaseUnavailable WITHOUT_DATABASE = new DatabaseUnavailable(
      new DriverManagerDataSource("jdbc:postgresql://localhost:" + RunningApp.freePort() + "/gone", "opsflow", "opsflow"));

  @Test
  void aConnectionFailureOrAShutdownAnywhereInTheCausesIsAnOutage() {
    assertThat(WITH_DATABASE.explains(new IllegalStateException(new SQLTransientConnectionException("pool timed out")))).isTrue();
    assertThat(WITH_DATABASE.explains(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
    assertThat(WITH_DATABASE.explains(new RuntimeException(new SQLException("terminating connection", "57P01")))).isTrue();
  }

  @Test
  void otherDatabaseFailuresAreAnOutageOnlyWhileTheDatabaseCannotBeReached() {
    JpaSystemException rollbackFailed = new JpaSystemException(new RuntimeException(new SQLException("Connection is closed")));

    assertThat(WITH_DATABASE.explains(rollbackFailed)).isFalse();
    assertThat(WITHOUT_DATABASE.explains(rollbackFailed)).isTrue();
  }

  @Test
  void aFailureWithoutTheDatabaseIsNoOutage() {
    assertThat(WITHOUT_DATABASE.explains(new IllegalStateException("a bug"))).isFalse();
  }

  private static JdbcDataSource h2() {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:database-unavailable-test");
    return database;
  }
}
