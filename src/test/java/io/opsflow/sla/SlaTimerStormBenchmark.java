package io.opsflow.sla;

import io.opsflow.OpsflowApplication;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * Not a test: N open SLA'd tasks ({@code sla/sla-ladder.bpmn}) whose reminder and escalation
 * timers all fall due at once, worked off by the job executor of a started application on an H2
 * file database (as in production), first with the Camunda Spring Boot starter's default job
 * executor settings, then with ours from {@code application.yml}; both start from a copy of the
 * same prepared database. Prints the time until every
 * escalation has happened, the jobs per second, and checks: no failed job, no incident, exactly
 * one escalation and one escalation mail per task.
 *
 * <pre>
 * ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.opsflow.sla.SlaTimerStormBenchmark -Dexec.args="10000"
 * </pre>
 * A second argument {@code defaults} or {@code tuned} runs only that side.
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
  static final int JOBS_PER_TASK = 4; // two timers, two asynchronous continuations
  static final Duration TIMEOUT = Duration.ofMinutes(30);
  static final int START_BATCH = 100;
  static final int WARM_UP_TASKS = 1_000;

  record Result(String name, int tasks, Duration elapsed, Duration cpu, long escalations, long escalationMails,
      long reminderMails, long failedJobs, long incidents, long jobsLeft) {

    double jobsPerSecond() {
      return tasks * (double) JOBS_PER_TASK / (elapsed.toMillis() / 1000.0);
    }

    /** CPU time of this JVM per job: what the work costs, whatever else runs on the machine. */
    double cpuMillisPerJob() {
      return cpu.toMillis() / (tasks * (double) JOBS_PER_TASK);
    }

    boolean clean() {
      return escalations == tasks && escalationMails == tasks && reminderMails == tasks && failedJobs == 0
          && incidents == 0 && jobsLeft == 0;
    }
  }

  private SlaTimerStormBenchmark() {}

  public static void main(String[] args) throws Exception {
    int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    String only = args.length > 1 ? args[1] : "";
    warmUp();
    Path prepared = prepare(tasks);
    List<Result> results = new ArrayList<>();
    if (!only.equals("tuned")) {
      results.add(storm("starter defaults", prepared, tasks, STARTER_DEFAULTS));
    }
    if (!only.equals("defaults")) {
      results.add(storm("opsflow tuned", prepared, tasks, Map.of()));
    }
    print(results);
    System.exit(results.stream().allMatch(Result::clean) ? 0 : 1);
  }

  /**
   * A small storm first, not measured, so that neither measured side pays for the JVM's warm-up
   * (class loading, JIT compilation, heap growth).
   */
  static void warmUp() throws Exception {
    log("warming up with " + WARM_UP_TASKS + " tasks");
    storm("warm-up", prepare(WARM_UP_TASKS), WARM_UP_TASKS, Map.of());
  }

  /**
   * Creates the open tasks once, with the job executor off, and returns the database directory;
   * every storm starts from a copy of it, so all settings get the same data.
   */
  static Path prepare(int tasks) throws IOException {
    Path dataDir = Path.of("target", "benchmark", "prepared");
    deleteRecursively(dataDir);
    try (ConfigurableApplicationContext context = start(dataDir, Map.of("camunda.bpm.job-execution.enabled", "false"))) {
      log("preparing " + tasks + " SLA'd tasks");
      startTasks(context, context.getBean(ProcessEngine.class), tasks);
    }
    return dataDir;
  }

  static Result storm(String name, Path prepared, int tasks, Map<String, String> jobExecution) throws Exception {
    Path dataDir = Path.of("target", "benchmark", name.replace(' ', '-'));
    deleteRecursively(dataDir);
    copy(prepared, dataDir);
    Map<String, String> properties = new LinkedHashMap<>(jobExecution);
    properties.put("camunda.bpm.job-execution.enabled", "true");
    try (ConfigurableApplicationContext context = start(dataDir, properties)) {
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      log(name + ": all " + tasks * 2 + " timers fall due now");
      Instant start = Instant.now();
      long cpuAtStart = processCpuNanos();
      ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(30))));
      long escalations = awaitEscalations(engine, jdbc, tasks, start, name);
      Duration elapsed = Duration.between(start, Instant.now());
      Duration cpu = Duration.ofNanos(processCpuNanos() - cpuAtStart);
      return new Result(name, tasks, elapsed, cpu, escalations,
          count(jdbc, "select count(*) from notify_outbox where mail_key like 'escalation-%'"),
          count(jdbc, "select count(*) from notify_outbox where mail_key like 'reminder-%'"),
          engine.getManagementService().createJobQuery().withException().count()
              + engine.getHistoryService().createHistoricJobLogQuery().failureLog().count(),
          engine.getRuntimeService().createIncidentQuery().count(),
          engine.getManagementService().createJobQuery().count());
    } finally {
      ClockUtil.reset();
    }
  }

  /** The application with the demo organisation on an H2 file database in {@code dataDir}. */
  private static ConfigurableApplicationContext start(Path dataDir, Map<String, String> overrides) {
    Map<String, String> properties = new LinkedHashMap<>(overrides);
    properties.put("opsflow.data-dir", dataDir.toAbsolutePath().toString());
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
  private static void startTasks(ConfigurableApplicationContext context, ProcessEngine engine, int tasks) {
    engine.getRepositoryService().createDeployment().name("sla-benchmark")
        .addClasspathResource("sla/sla-ladder.bpmn").deploy();
    TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
    for (int first = 0; first < tasks; first += START_BATCH) {
      int from = first;
      transaction.executeWithoutResult(status -> {
        for (int i = from; i < Math.min(tasks, from + START_BATCH); i++) {
          engine.getRuntimeService().startProcessInstanceByKey(SlaLadderTest.PROCESS, "benchmark-" + i,
              Map.of(SlaLadderTest.FAIL_AFTER_REMINDER, false));
        }
      });
    }
  }

  /** Polls the database until every task is escalated and no job is left (or the timeout). */
  private static long awaitEscalations(ProcessEngine engine, JdbcTemplate jdbc, int tasks, Instant start, String name)
      throws InterruptedException {
    long escalations = 0;
    long jobs = -1;
    Instant lastLog = start;
    while ((escalations < tasks || jobs != 0) && Duration.between(start, Instant.now()).compareTo(TIMEOUT) < 0) {
      Thread.sleep(200);
      escalations = count(jdbc, "select count(*) from sla_escalation");
      jobs = engine.getManagementService().createJobQuery().count();
      if (Duration.between(lastLog, Instant.now()).toSeconds() >= 15) {
        log(name + ": " + escalations + " escalated, " + jobs + " jobs left after "
            + Duration.between(start, Instant.now()).toSeconds() + " s");
        lastLog = Instant.now();
      }
    }
    return escalations;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static long count(JdbcTemplate jdbc, String sql) {
    Long count = jdbc.queryForObject(sql, Long.class);
    return count == null ? 0 : count;
  }

  private static void print(List<Result> results) {
    System.out.println();
    System.out.printf("%-18s %7s %10s %9s %11s %12s %12s %7s %7s %9s %4s%n", "settings", "tasks", "seconds",
        "jobs/s", "cpu ms/job", "escalations", "escal.mails", "failed", "incid.", "jobs left", "ok");
    for (Result r : results) {
      System.out.printf("%-18s %7d %10.1f %9.1f %11.1f %12d %12d %7d %7d %9d %4s%n", r.name(), r.tasks(),
          r.elapsed().toMillis() / 1000.0, r.jobsPerSecond(), r.cpuMillisPerJob(), r.escalations(),
          r.escalationMails(), r.failedJobs(), r.incidents(), r.jobsLeft(), r.clean() ? "yes" : "NO");
    }
    if (results.size() == 2) {
      System.out.printf("%nspeed-up of the tuned settings: %.2fx%n",
          results.get(1).jobsPerSecond() / results.get(0).jobsPerSecond());
    }
  }

  private static void log(String message) {
    System.out.println(Instant.now() + " " + message);
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
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
