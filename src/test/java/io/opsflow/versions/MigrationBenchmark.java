package io.opsflow.versions;

import io.opsflow.OpsflowApplication;
import io.opsflow.versions.ProcessMigrations.MigrationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test: N parcels waiting in "Pack order" with their reminder timer (the parcel test process,
 * version 1) on a fresh H2 file database of a started application, then version 2 and a migration
 * through {@link ProcessMigrations} as an administrator, which the engine's batch works off with
 * the application's job executor. Prints the time the request took, the time until the batch is
 * done and instances per second, and checks: every instance on version 2 in "Pick and pack" with its
 * timer, no failed job, no incident.
 *
 * <pre>
 * ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.opsflow.versions.MigrationBenchmark -Dexec.args="10000"
 * </pre>
 * Further arguments {@code name=value} are application properties, e.g.
 * {@code camunda.bpm.generic-properties.properties.invocations-per-batch-job=50}.
 */
public final class MigrationBenchmark {

  static final Path DATA = Path.of("target", "migration-benchmark");
  static final int START_BATCH = 100;
  static final Duration TIMEOUT = Duration.ofMinutes(30);

  private MigrationBenchmark() {}

  public static void main(String[] args) throws Exception {
    int instances = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Map<String, String> properties = new LinkedHashMap<>();
    Stream.of(args).skip(1).map(arg -> arg.split("=", 2)).forEach(pair -> properties.put(pair[0], pair[1]));
    deleteTree(DATA);
    try (ConfigurableApplicationContext context = start(properties)) {
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      Parcels parcels = new Parcels(engine).deploy(Parcels.V1);
      startPacking(context, engine, parcels, instances);
      parcels.deploy(Parcels.V2);
      engine.getIdentityService().setAuthentication("admin", List.of("camunda-admin"));

      Instant start = Instant.now();
      MigrationReport report = context.getBean(ProcessMigrations.class).migrate(parcels.key, "benchmark");
      Duration request = Duration.between(start, Instant.now());
      awaitBatches(engine, report);
      Duration total = Duration.between(start, Instant.now());

      long migrated = engine.getTaskService().createTaskQuery().processDefinitionKey(parcels.key)
          .taskDefinitionKey("Task_PickAndPack").count();
      long timers = engine.getManagementService().createJobQuery().processDefinitionKey(parcels.key).timers()
          .activityId("Timer_PickAndPackReminder").count();
      long failed = engine.getManagementService().createJobQuery().noRetriesLeft().count();
      long incidents = engine.getRuntimeService().createIncidentQuery().count();
      System.out.printf("%nMigrationBenchmark: %d instances, %s%n  request: %d ms (%s)%n"
          + "  until migrated: %.1f s, %.0f instances/s%n  check: %d in 'Pick and pack', %d reminder timers,"
          + " %d failed jobs, %d incidents%n", instances, properties, request.toMillis(), report.batches(),
          total.toMillis() / 1000.0, instances / (total.toMillis() / 1000.0), migrated, timers, failed, incidents);
      if (migrated != instances || timers != instances || failed != 0 || incidents != 0) {
        throw new IllegalStateException("the migration did not do what it should");
      }
    }
  }

  private static ConfigurableApplicationContext start(Map<String, String> overrides) {
    Map<String, String> properties = new LinkedHashMap<>(overrides);
    properties.put("opsflow.data-dir", DATA.toAbsolutePath().toString());
    properties.put("server.port", "0");
    properties.put("logging.level.root", "WARN");
    properties.put("logging.level.io.opsflow", "WARN");
    properties.put("opsflow.demo-history.enabled", "false");
    String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
        .toArray(String[]::new);
    return new SpringApplicationBuilder(OpsflowApplication.class).profiles("demo").run(arguments);
  }

  /** Parcels started right before "Pack order", in transactions of {@value #START_BATCH} (not measured). */
  private static void startPacking(ConfigurableApplicationContext context, ProcessEngine engine, Parcels parcels,
      int instances) {
    TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
    for (int first = 0; first < instances; first += START_BATCH) {
      int from = first;
      transaction.executeWithoutResult(status -> {
        for (int i = from; i < Math.min(instances, from + START_BATCH); i++) {
          engine.getRuntimeService().createProcessInstanceByKey(parcels.key).businessKey("benchmark-" + i)
              .setVariables(Map.of("carrierReachable", true, "dueDate", Parcels.DUE))
              .startBeforeActivity("Task_PackOrder").execute();
        }
      });
    }
  }

  /** Polls until the batches are done (the engine deletes a finished batch) or the timeout. */
  private static void awaitBatches(ProcessEngine engine, MigrationReport report) throws InterruptedException {
    Instant start = Instant.now();
    List<String> batchIds = report.batches().stream().map(ProcessMigrations.BatchStarted::batchId).toList();
    while (batchIds.stream().anyMatch(id -> engine.getManagementService().createBatchQuery().batchId(id).count() > 0)) {
      if (Duration.between(start, Instant.now()).compareTo(TIMEOUT) > 0) {
        throw new IllegalStateException("the batches took longer than " + TIMEOUT);
      }
      Thread.sleep(100);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
