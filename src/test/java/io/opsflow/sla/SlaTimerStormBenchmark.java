package io.opsflow.sla;

import io.opsflow.OpsflowApplication;
import java.io.IOException;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: N open SLA'd tasks ({@code sla/sla-ladder.bpmn}) whose reminder and escalation
 * timers all fall due at once, worked off by the job executor of a started application on an H2
 * file database (as in production), first with the Camunda Spring Boot starter's default job
 * executor settings, then with ours from {@code application.yml}. Prints the time until every
 * escalation has happened, the jobs per second, and checks: no failed job, no incident, exactly
 * one escalation and one escalation mail per task.
 *
 * <pre>
 * ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.opsflow.sla.SlaTimerStormBenchmark -Dexec.args="10000"
 * </pre>
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
  static final Duration TIMEOUT = Duration.ofMinutes(20);

  record Result(String name, int tasks, Duration elapsed, long escalations, long escalationMails, long reminderMails,
      long failedJobs, long incidents, long jobsLeft) {

    double jobsPerSecond() {
      return tasks * (double) JOBS_PER_TASK / (elapsed.toMillis() / 1000.0);
    }

    boolean clean() {
      return escalations == tasks && escalationMails == tasks && reminderMails == tasks && failedJobs == 0
          && incidents == 0 && jobsLeft == 0;
    }
  }

  private SlaTimerStormBenchmark() {}

  public static void main(String[] args) throws Exception {
    int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    List<Result> results = new ArrayList<>();
    results.add(run("starter defaults", tasks, STARTER_DEFAULTS));
    results.add(run("opsflow tuned", tasks, Map.of()));
    print(results);
    System.exit(results.stream().allMatch(Result::clean) ? 0 : 1);
  }

  static Result run(String name, int tasks, Map<String, String> jobExecution) throws Exception {
    Path dataDir = Path.of("target", "benchmark", name.replace(' ', '-'));
    deleteRecursively(dataDir);
    Map<String, String> properties = new LinkedHashMap<>(jobExecution);
    properties.put("opsflow.data-dir", dataDir.toAbsolutePath().toString());
    properties.put("server.port", "0");
    properties.put("camunda.bpm.job-execution.enabled", "true");
    properties.put("logging.level.root", "WARN");
    properties.put("logging.level.io.opsflow", "WARN");
    // as command-line arguments, so that they win over application.yml
    String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
        .toArray(String[]::new);
    ConfigurableApplicationContext context = new SpringApplicationBuilder(OpsflowApplication.class)
        .profiles("demo").run(arguments);
    try {
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      log(name + ": starting " + tasks + " SLA'd tasks");
      startTasks(engine, tasks);
      log(name + ": all timers fall due now");
      Instant start = Instant.now();
      ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(30))));
      long escalations = awaitEscalations(engine, jdbc, tasks, start, name);
      Duration elapsed = Duration.between(start, Instant.now());
      return new Result(name, tasks, elapsed, escalations,
          count(jdbc, "select count(*) from notify_outbox where mail_key like 'escalation-%'"),
          count(jdbc, "select count(*) from notify_outbox where mail_key like 'reminder-%'"),
          engine.getManagementService().createJobQuery().withException().count()
              + engine.getHistoryService().createHistoricJobLogQuery().failureLog().count(),
          engine.getRuntimeService().createIncidentQuery().count(),
          engine.getManagementService().createJobQuery().count());
    } finally {
      ClockUtil.reset();
      context.close();
    }
  }

  private static void startTasks(ProcessEngine engine, int tasks) throws Exception {
    engine.getRepositoryService().createDeployment().name("sla-benchmark")
        .addClasspathResource("sla/sla-ladder.bpmn").deploy();
    ExecutorService starters = Executors.newFixedThreadPool(4);
    List<Future<?>> started = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      String businessKey = "benchmark-" + i;
      started.add(starters.submit(() -> engine.getRuntimeService().startProcessInstanceByKey(
          SlaLadderTest.PROCESS, businessKey, Map.of(SlaLadderTest.FAIL_AFTER_REMINDER, false))));
    }
    for (Future<?> future : started) {
      future.get();
    }
    starters.shutdown();
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

  private static long count(JdbcTemplate jdbc, String sql) {
    Long count = jdbc.queryForObject(sql, Long.class);
    return count == null ? 0 : count;
  }

  private static void print(List<Result> results) {
    System.out.println();
    System.out.printf("%-18s %7s %10s %9s %12s %12s %10s %7s %9s %5s%n", "settings", "tasks", "seconds",
        "jobs/s", "escalations", "escal.mails", "failed", "incid.", "jobs left", "ok");
    for (Result r : results) {
      System.out.printf("%-18s %7d %10.1f %9.1f %12d %12d %10d %7d %9d %5s%n", r.name(), r.tasks(),
          r.elapsed().toMillis() / 1000.0, r.jobsPerSecond(), r.escalations(), r.escalationMails(), r.failedJobs(),
          r.incidents(), r.jobsLeft(), r.clean() ? "yes" : "NO");
    }
    System.out.printf("%nspeed-up of the tuned settings: %.2fx%n", results.get(1).jobsPerSecond() / results.get(0).jobsPerSecond());
  }

  private static void log(String message) {
    System.out.println(Instant.now() + " " + message);
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
