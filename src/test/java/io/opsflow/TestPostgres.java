package io.opsflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL for tests: {@code initdb} in a temporary directory, {@code pg_ctl} on a
 * free port of localhost, trust authentication, deleted on {@link #close()}. It can be stopped
 * and started again on the same data (a database outage).
 * <pre>
 * assumeTrue(TestPostgres.isInstalled(), TestPostgres.MISSING);
 * try (TestPostgres postgres = TestPostgres.newCluster()) {
 *   String url = postgres.createDatabase("opsflow");   // jdbc:postgresql://localhost:port/opsflow
 *   ...
 *   postgres.stop();   // pg_ctl stop -m fast
 *   postgres.start();
 * }
 * </pre>
 * The binaries are Debian's ({@code apt-get install postgresql}, in
 * {@code /usr/lib/postgresql/<version>/bin}; the newest version wins). PostgreSQL refuses to run
 * as root, and CI runs as root: there the commands run as the {@code postgres} user that Debian's
 * package creates ({@code runuser -u postgres --}), and the temporary directory is handed to
 * that user.
 */
public final class TestPostgres implements AutoCloseable {

  public static final String USER = "opsflow";
  /** Any password is accepted (trust); the application needs one. */
  public static final String PASSWORD = "opsflow";
  public static final String MISSING = "PostgreSQL is not installed (no /usr/lib/postgresql/<version>/bin/pg_ctl, or running as root "
      + "without the user 'postgres'): apt-get install postgresql; .ci/run installs it";

  private static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");
  private static final String RUN_AS = "postgres";
  private static final long COMMAND_TIMEOUT_SECONDS = 120;

  private final Path bin;
  private final Path directory;
  private final int port;

  private TestPostgres(Path bin, Path directory, int port) {
    this.bin = bin;
    this.directory = directory;
    this.port = port;
  }

  /** Whether {@link #newCluster()} can work here. */
  public static boolean isInstalled() {
    return binaries().isPresent() && (!isRoot() || userExists(RUN_AS));
  }

  /** A new cluster in a temporary directory, running. */
  public static TestPostgres newCluster() throws IOException {
    Path bin = binaries().orElseThrow(() -> new IllegalStateException(MISSING));
    Path directory = Files.createTempDirectory("opsflow-postgres");
    if (isRoot()) {
      UserPrincipal owner = directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(RUN_AS);
      Files.setOwner(directory, owner);
    }
    TestPostgres postgres = new TestPostgres(bin, directory, RunningApp.freePort());
    postgres.run("initdb", "--pgdata=" + postgres.data(), "--username=" + USER, "--auth=trust", "--encoding=UTF8",
        "--locale=C", "--no-sync");
    postgres.start();
    return postgres;
  }

  /** Starts the cluster (again), waiting until it accepts connections. */
  public void start() {
    run("pg_ctl", "--pgdata=" + data(), "--log=" + directory.resolve("postgres.log"), "--wait", "-o",
        "-p " + port + " -c listen_addresses=localhost -c unix_socket_directories=" + directory, "start");
  }

  /** {@code pg_ctl stop -m fast}: sessions are ended, the database is down until {@link #start()}. */
  public void stop() {
    run("pg_ctl", "--pgdata=" + data(), "--mode=fast", "--wait", "stop");
  }

  /** Creates an empty database; returns its JDBC URL. */
  public String createDatabase(String name) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    }
    return url(name);
  }

  public String url(String database) {
    return "jdbc:postgresql://localhost:" + port + "/" + database;
  }

  /**
   * Starts Opsflow in its own JVM on a database of this cluster, with the {@code prod} profile and
   * the demo company (administrator {@code admin}/{@code admin}), its output in {@code log}.
   */
  public static RunningApp startOpsflow(Path log, String url, List<String> arguments) throws IOException {
    Files.createDirectories(log.getParent());
    List<String> all = new ArrayList<>(List.of("--spring.profiles.active=prod,demo"));
    all.addAll(arguments);
    return RunningApp.start(log, Map.of("OPSFLOW_DB_URL", url, "OPSFLOW_DB_USER", USER, "OPSFLOW_DB_PASSWORD", PASSWORD,
        "OPSFLOW_ADMIN_PASSWORD", "admin"), all);
  }

  /** Stops the cluster and deletes its directory. */
  @Override
  public void close() throws IOException {
    try {
      stop();
    } finally {
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
      }
    }
  }

  private Path data() {
    return directory.resolve("data");
  }

  private void run(String command, String... arguments) {
    List<String> line = new ArrayList<>();
    if (isRoot()) {
      line.addAll(List.of("runuser", "-u", RUN_AS, "--"));
    }
    line.add(bin.resolve(command).toString());
    line.addAll(List.of(arguments));
    Path output = directory.resolve(command + ".out");
    try {
      Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", line) + " did not finish in " + COMMAND_TIMEOUT_SECONDS + " s");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", line) + " failed (" + process.exitValue() + "): "
            + Files.readString(output));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Optional<Path> binaries() {
    if (!Files.isDirectory(DEBIAN_VERSIONS)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(DEBIAN_VERSIONS)) {
      return versions.map(version -> version.resolve("bin"))
          .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")) && Files.isExecutable(bin.resolve("initdb")))
          .max(Comparator.comparing(TestPostgres::versionOf));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static int versionOf(Path bin) {
    String name = bin.getParent().getFileName().toString();
    return name.matches("\\d+") ? Integer.parseInt(name) : 0;
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static boolean userExists(String user) {
    try {
      DEBIAN_VERSIONS.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
      return true;
    } catch (IOException notFound) {
      return false;
    }
  }
}
