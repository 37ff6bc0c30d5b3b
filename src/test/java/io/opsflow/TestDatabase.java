package io.opsflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The database of the Spring tests: in-memory H2 (application-test.yml), or, in the build's
 * PostgreSQL round ({@code -Dopsflow.test.database=postgresql}, the {@code postgresql} profile
 * of the POM), a new database per application context in one throwaway PostgreSQL per test JVM
 * ({@link TestPostgres}), with the sessions shared through it as on a cluster node.
 */
public final class TestDatabase implements EnvironmentPostProcessor {

  static final String PROPERTY = "opsflow.test.database";
  private static final AtomicInteger DATABASES = new AtomicInteger();

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!"postgresql".equals(System.getProperty(PROPERTY))) {
      return;
    }
    String url = newDatabase("opsflow_" + DATABASES.incrementAndGet());
    environment.getPropertySources().addFirst(new MapPropertySource("testDatabase", Map.of(
        "spring.datasource.url", url, "spring.datasource.username", TestPostgres.USER,
        "spring.datasource.password", TestPostgres.PASSWORD, "opsflow.shared-sessions", "true")));
  }

  private static String newDatabase(String name) {
    try {
      return Cluster.POSTGRES.createDatabase(name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create the test database " + name, e);
    }
  }

  /** Started when the first context asks for it, stopped and deleted when the test JVM ends. */
  private static final class Cluster {

    static final TestPostgres POSTGRES = start();

    private static TestPostgres start() {
      if (!TestPostgres.isInstalled()) {
        throw new IllegalStateException(PROPERTY + "=postgresql, but " + TestPostgres.MISSING);
      }
      try {
        TestPostgres postgres = TestPostgres.newCluster();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            postgres.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }));
        return postgres;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
