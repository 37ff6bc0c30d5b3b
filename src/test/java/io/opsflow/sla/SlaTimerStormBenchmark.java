package io.opsflow.sla;

import io.opsflow.OpsflowApplication;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test: N open SLA'd tasks whose reminder and escalation timers all fall due at once, worked
 * off by the job executor of a started application, in rounds that alternate which side goes first;
 * every storm starts from a copy of the same prepared database, after a small warm-up storm. Prints
 * each storm's time until every escalation has happened, its jobs per second, the CPU per job and
 * per task, and checks: no failed job, no incident, exactly one reminder, one escalation and one
 * escalation mail per task.
 *
 * <p>The sides compared (argument {@code compare=}):
 * <ul>
 *   <li>{@code ladders} (the default): the ladder of the template, timers on the task itself
 *       ({@code sla/sla-task.bpmn}, two jobs per task), against the drawn ladder of versions before it
 *       ({@code sla/sla-ladder.bpmn}: two boundary timers, each followed by an asynchronous step, four
 *       jobs per task), both with the job executor of {@code application.yml};
 *   <li>{@code executors}: the Camunda Spring Boot starter's default job executor settings against
 *       ours, on the template's ladder.
 * </ul>
 *
 * <pre>
 * ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.opsflow.sla.SlaTimerStormBenchmark -Dexec.args="10000"
 * </pre>
 * Further arguments: {@code rounds=K} (default {@value #ROUNDS}); {@code postgres} runs on a
 * PostgreSQL server (see {@link PostgresDatabases}) instead of the default H2 file.
 */
public final class SlaTimerStormBenchmark {

  /** The starter's defaults (JobExecutionProperty and the engine's JobExecutor), stated explicitly. */
  static final Map<String, String> STARTER_DEFAULTS = Map.of(
      "camunda.bpm.job-execution.core-pool-size", "3",
      "camunda.bpm.job-execution.max-pool-size", "10",
      "camunda.bpm.job-execution.queue-capacity", "3",
      "camunda.bpm.job-execution.max-jobs-per-acquisition", "3",
      "camunda.bpm.job-execution.wait-time-in-millis", "5000",
      "camunda.bpm.job-execution.max-wait", "60000",
      "camunda.bpm.job-execution.backoff-time-in-millis", "0",
      "camunda.bpm.job-execution.max-backoff", "0",
      "camunda.bpm.job-execution.lock-time-in-millis", "300000");
  static final Duration TIMEOUT = Duration.ofMinutes(30);
  static final int START_BATCH = 100;
  static final int WARM_UP_TASKS = 1_000;
  /** Single storms vary by 10% and more, and the second storm meets the state the first left (page cache, heap). */
  static final int ROUNDS = 2;

  /** How the SLA'd tasks get their ladder: the model started, and the jobs each task's ladder takes. */
  enum Ladder {
    /** Timers on the task itself, from the template "SLA'd user task". */
    TEMPLATE(SlaLadderTest.Ladder.TEMPLATE, 2),
    /** Two boundary timers, each followed by an asynchronous step (versions drawn before the template). */
    DRAWN(SlaLadderTest.Ladder.DRAWN, 4);

    final String model;
    final String processKey;
    final int jobsPerTask;

    Ladder(SlaLadderTest.Ladder test, int jobsPerTask) {
      this.model = test.model;
      this.processKey = test.process;
      this.jobsPerTask = jobsPerTask;
    }
  }

  /** A ladder and a job executor configuration under test. */
  record Side(String name, Ladder ladder, Map<String, String> jobExecution) {}

  static final Side TEMPLATE = new Side("template ladder", Ladder.TEMPLATE, Map.of());
  static final Side DRAWN = new Side("drawn ladder", Ladder.DRAWN, Map.of());
  static final Side DEFAULTS = new Side("starter defaults", Ladder.TEMPLATE, STARTER_DEFAULTS);
  static final Side TUNED = new Side("opsflow tuned", Ladder.TEMPLATE, Map.of());

  record Result(String name, int tasks, int jobsPerTask, Duration elapsed, Duration cpu, long escalations,
      long escalationMails, long reminderMails, long failedJobs, long incidents, long jobsLeft) {

    double jobsPerSecond() {
      return tasks * (double) jobsPerTask / (elapsed.toMillis() / 1000.0);
    }

    /** CPU time of this JVM per job: what the work costs, whatever else runs on the machine. */
    double cpuMillisPerJob() {
      return cpu.toMillis() / (tasks * (double) jobsPerTask);
    }

    /** CPU time of this JVM per SLA'd task: the whole ladder of one task. */
    double cpuMillisPerTask() {
      return cpu.toMillis() / (double) tasks;
    }

    boolean clean() {
      return escalations == tasks && escalationMails == tasks && reminderMails == tasks && failedJobs == 0
          && incidents == 0 && jobsLeft == 0;
    }
  }

  private SlaTimerStormBenchmark() {}

  public static void main(String[] args) throws Exception {
    int tasks = 10_000;
    int rounds = ROUNDS;
    List<Side> sides = new ArrayList<>(List.of(DRAWN, TEMPLATE));
    Databases databases = new H2Files();
    for (String arg : args) {
      if (arg.matches("\\d+")) {
        tasks = Integer.parseInt(arg);
      } else if (arg.startsWith("rounds=")) {
        rounds = Integer.parseInt(arg.substring("rounds=".length()));
      } else if (arg.equals("compare=executors")) {
        sides = new ArrayList<>(List.of(DEFAULTS, TUNED));
      } else if (arg.equals("postgres")) {
        databases = new PostgresDatabases();
      } else if (!arg.equals("compare=ladders")) {
        throw new IllegalArgumentException("unknown argument " + arg);
      }
    }
    Map<Ladder, String> prepared = new LinkedHashMap<>();
    for (Side side : sides) {
      if (!prepared.containsKey(side.ladder())) {
        warmUp(databases, side.ladder());
        prepared.put(side.ladder(), prepare(databases, side.ladder(), tasks));
      }
    }
    List<Side> compared = List.copyOf(sides); // the baseline first
    List<Result> results = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      for (Side side : sides) {
        results.add(storm(databases, side, prepared.get(side.ladder()), tasks));
      }
      Collections.reverse(sides);
    }
    print(databases, results, compared);
    System.exit(results.stream().allMatch(Result::clean) ? 0 : 1);
  }

  /**
   * A small storm first, not measured, so that neither measured side pays for the JVM's warm-up
   * (class loading, JIT compilation, heap growth).
   */
  static void warmUp(Databases databases, Ladder ladder) throws Exception {
    log("warming up with " + WARM_UP_TASKS + " tasks");
    storm(databases, new Side("warm-up", ladder, Map.of()), prepare(databases, ladder, WARM_UP_TASKS), WARM_UP_TASKS);
  }

  /**
   * Creates the open tasks once, with the job executor off, and returns the database's name; every
   * storm starts from a copy of it, so all settings get the same data.
   */
  static String prepare(Databases databases, Ladder ladder, int tasks) throws Exception {
    String prepared = "prepared_" + ladder.name().toLowerCase();
    databases.create(prepared);
    try (ConfigurableApplicationContext context = start(databases.properties(prepared),
        Map.of("camunda.bpm.job-execution.enabled", "false"))) {
      log("preparing " + tasks + " SLA'd tasks, " + ladder.name().toLowerCase() + " ladder");
      startTasks(context, context.getBean(ProcessEngine.class), ladder, tasks);
    }
    return prepared;
  }

  static Result storm(Databases databases, Side side, String prepared, int tasks) throws Exception {
    String name = side.name();
    String database = name.replaceAll("[^a-z]+", "_");
    databases.copy(prepared, database);
    Map<String, String> properties = new LinkedHashMap<>(side.jobExecution());
    properties.put("camunda.bpm.job-execution.enabled", "true");
    try (ConfigurableApplicationContext context = start(databases.properties(database), properties)) {
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      log(name + ": all " + tasks * 2 + " timers fall due now");
      Instant start = Instant.now();
      long cpuAtStart = processCpuNanos();
      ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(30))));
      long escalations = awaitEscalations(engine, jdbc, side.ladder(), tasks, start, name);
      Duration elapsed = Duration.between(start, Instant.now());
      Duration cpu = Duration.ofNanos(processCpuNanos() - cpuAtStart);
      return new Result(name, tasks, side.ladder().jobsPerTask, elapsed, cpu, escalations,
          count(jdbc, "select count(*) from notify_outbox where mail_key like 'escalation-%'"),
          count(jdbc, "select count(*) from notify_outbox where mail_key like 'reminder-%'"),
          engine.getManagementService().createJobQuery().withException().count()
              + engine.getHistoryService().createHistoricJobLogQuery().failureLog().count(),
          engine.getRuntimeService().createIncidentQuery().count(),
          jobsLeft(engine, side.ladder()));
    } finally {
      ClockUtil.reset();
    }
  }

  /** The application with the demo organisation on the given database. */
  private static ConfigurableApplicationContext start(Map<String, String> database, Map<String, String> overrides) {
    Map<String, String> properties = new LinkedHashMap<>(overrides);
    properties.putAll(database);
    properties.put("server.port", "0");
    properties.put("logging.level.root", "WARN");
    properties.put("logging.level.io.opsflow", "WARN");
    // only the benchmark's tasks: the demo's seeded history has SLA timers of its own
    properties.put("opsflow.demo-history.enabled", "false");
    // as command-line arguments, so that they win over application.yml
    String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
        .toArray(String[]::new);
    return new SpringApplicationBuilder(OpsflowApplication.class).profiles("demo").run(arguments);
  }

  /** Starts the instances in transactions of {@value #START_BATCH}, which is quicker (and not measured). */
  private static void startTasks(ConfigurableApplicationContext context, ProcessEngine engine, Ladder ladder, int tasks) {
    engine.getRepositoryService().createDeployment().name("sla-benchmark").addClasspathResource(ladder.model).deploy();
    TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
    for (int first = 0; first < tasks; first += START_BATCH) {
      int from = first;
      transaction.executeWithoutResult(status -> {
        for (int i = from; i < Math.min(tasks, from + START_BATCH); i++) {
          engine.getRuntimeService().startProcessInstanceByKey(ladder.processKey, "benchmark-" + i,
              Map.of(SlaLadderTest.FAIL_AFTER_REMINDER, false));
        }
      });
    }
  }

  /**
   * Polls the database until every task is escalated and no job of the ladder is left (or the
   * timeout). Jobs of other processes are not waited for: the weekly review's start timer is always
   * there, and the demo's SLA'd tasks may fall due later than the clock is moved (holidays).
   */
  private static long awaitEscalations(ProcessEngine engine, JdbcTemplate jdbc, Ladder ladder, int tasks,
      Instant start, String name) throws InterruptedException {
    long escalations = 0;
    long jobs = -1;
    Instant lastLog = start;
    while ((escalations < tasks || jobs != 0) && Duration.between(start, Instant.now()).compareTo(TIMEOUT) < 0) {
      Thread.sleep(200);
      escalations = count(jdbc, "select count(*) from sla_escalation");
      jobs = jobsLeft(engine, ladder);
      if (Duration.between(lastLog, Instant.now()).toSeconds() >= 15) {
        log(name + ": " + escalations + " escalated, " + jobs + " jobs left after "
            + Duration.between(start, Instant.now()).toSeconds() + " s");
        lastLog = Instant.now();
      }
    }
    return escalations;
  }

  private static long jobsLeft(ProcessEngine engine, Ladder ladder) {
    return engine.getManagementService().createJobQuery().processDefinitionKey(ladder.processKey).count();
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static long count(JdbcTemplate jdbc, String sql) {
    Long count = jdbc.queryForObject(sql, Long.class);
    return count == null ? 0 : count;
  }

  private static void print(Databases databases, List<Result> results, List<Side> compared) {
    System.out.println();
    System.out.println("database: " + databases);
    System.out.printf("%-18s %7s %10s %9s %11s %12s %12s %12s %7s %7s %9s %4s%n", "side", "tasks", "seconds",
        "jobs/s", "cpu ms/job", "cpu ms/task", "escalations", "escal.mails", "failed", "incid.", "jobs left", "ok");
    for (Result r : results) {
      System.out.printf("%-18s %7d %10.1f %9.1f %11.2f %12.2f %12d %12d %7d %7d %9d %4s%n", r.name(), r.tasks(),
          r.elapsed().toMillis() / 1000.0, r.jobsPerSecond(), r.cpuMillisPerJob(), r.cpuMillisPerTask(),
          r.escalations(), r.escalationMails(), r.failedJobs(), r.incidents(), r.jobsLeft(), r.clean() ? "yes" : "NO");
    }
    Side baseline = compared.get(0);
    Side candidate = compared.get(1);
    System.out.printf("%nover all rounds: %s %.1f s, %s %.1f s: %.2fx as fast%n", baseline.name(),
        totalSeconds(results, baseline), candidate.name(), totalSeconds(results, candidate),
        totalSeconds(results, baseline) / totalSeconds(results, candidate));
  }

  private static double totalSeconds(List<Result> results, Side side) {
    return results.stream().filter(r -> r.name().equals(side.name())).mapToLong(r -> r.elapsed().toMillis()).sum()
        / 1000.0;
  }

  private static void log(String message) {
    System.out.println(Instant.now() + " " + message);
  }

  /** Where the storms run: each named database can be created empty or as a copy of another. */
  interface Databases {

    /** An empty database of this name, replacing any earlier one. */
    void create(String name) throws Exception;

    /** A copy of {@code from} named {@code to}, replacing any earlier one. */
    void copy(String from, String to) throws Exception;

    /** The application's properties that point it at the named database. */
    Map<String, String> properties(String name);
  }

  /** H2 files under {@code target/benchmark}, with the application's own URL (as in production on H2). */
  static final class H2Files implements Databases {

    private static final Path ROOT = Path.of("target", "benchmark");

    @Override
    public void create(String name) throws IOException {
      deleteRecursively(ROOT.resolve(name)); // H2 creates the file when the application opens it
    }

    @Override
    public void copy(String from, String to) throws IOException {
      create(to);
      Files.createDirectories(ROOT.resolve(to));
      try (Stream<Path> files = Files.list(ROOT.resolve(from))) {
        for (Path file : files.toList()) {
          Files.copy(file, ROOT.resolve(to).resolve(file.getFileName()));
        }
      }
    }

    @Override
    public Map<String, String> properties(String name) {
      return Map.of("opsflow.data-dir", ROOT.resolve(name).toAbsolutePath().toString());
    }

    @Override
    public String toString() {
      return "H2 file (application.yml's URL)";
    }

    private static void deleteRecursively(Path dir) throws IOException {
      if (Files.exists(dir)) {
        try (Stream<Path> paths = Files.walk(dir)) {
          for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(path);
          }
        }
      }
    }
  }

  /**
   * Databases {@code storm_*} on a PostgreSQL server, copied with {@code CREATE DATABASE ... TEMPLATE}.
   * Server and login: system properties {@code storm.postgres.url} (default
   * {@code jdbc:postgresql://localhost:5432/}), {@code storm.postgres.user} and
   * {@code storm.postgres.password} (default {@code opsflow}, a role that may create databases).
   */
  static final class PostgresDatabases implements Databases {

    private final String server = System.getProperty("storm.postgres.url", "jdbc:postgresql://localhost:5432/");
    private final String user = System.getProperty("storm.postgres.user", "opsflow");
    private final String password = System.getProperty("storm.postgres.password", "opsflow");

    @Override
    public void create(String name) throws SQLException {
      execute("DROP DATABASE IF EXISTS storm_" + name, "CREATE DATABASE storm_" + name);
    }

    @Override
    public void copy(String from, String to) throws SQLException {
      execute("DROP DATABASE IF EXISTS storm_" + to, "CREATE DATABASE storm_" + to + " TEMPLATE storm_" + from);
    }

    @Override
    public Map<String, String> properties(String name) {
      return Map.of("spring.datasource.url", server + "storm_" + name, "spring.datasource.username", user,
          "spring.datasource.password", password);
    }

    @Override
    public String toString() {
      return "PostgreSQL at " + server;
    }

    private void execute(String... statements) throws SQLException {
      try (Connection connection = DriverManager.getConnection(server + "postgres", user, password);
          Statement statement = connection.createStatement()) {
        for (String sql : statements) {
          statement.execute(sql);
        }
      }
    }
  }
}
