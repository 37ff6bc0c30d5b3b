package io.opsflow.platform;

import io.opsflow.OpsflowApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test: the user-task cycle of {@code bench/rest.sh} (start, find the task with one result,
 * complete it) through the engine's Java API in one JVM, 4 threads, rounds that alternate which
 * engine goes first after a warm-up: Opsflow's engine as the application configures it (its
 * plugins, history level, authorization on, the work done as wendy of warehouse, its H2 URL)
 * against an engine with the Spring Boot starter's defaults (history full, strong UUIDs,
 * authorization off, H2 file with H2's defaults). docs/performance.md.
 *
 * <pre>
 * bench/engine.sh [SECONDS=10] [ROUNDS=6]
 * </pre>
 */
public final class EngineCycleBenchmark {

  static final String PROCESS_KEY = "Process_BenchUserTask";
  static final Path MODEL = Path.of("bench/processes/bench-user-task.bpmn");
  static final String USER = "wendy";
  static final List<String> GROUPS = List.of("warehouse");
  static final int THREADS = 4;

  private EngineCycleBenchmark() {}

  /** One side: its engine, and whether its work runs as wendy (authorization on). */
  record Side(String name, ProcessEngine engine, boolean asUser) {}

  record Result(double perSecond, double p95Millis, int errors) {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    Path dir = Files.createTempDirectory("engine-cycle");
    ProcessEngine starter = starterDefaults(dir.resolve("starter"));
    ConfigurableApplicationContext opsflow = opsflow(dir.resolve("opsflow"));
    try {
      ProcessEngine opsflowEngine = opsflow.getBean(ProcessEngine.class);
      deploy(starter);
      deploy(opsflowEngine);
      grantWarehouse(opsflowEngine.getAuthorizationService());
      List<Side> sides = List.of(new Side("starter", starter, false), new Side("opsflow", opsflowEngine, true));
      for (Side side : sides) {
        Result warm = run(side, seconds * 2);
        System.out.printf("warm-up %-8s %8.1f cycles/s%n", side.name(), warm.perSecond());
      }
      List<Double> ratios = new ArrayList<>();
      List<Double> starterRates = new ArrayList<>();
      List<Double> opsflowRates = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        List<Side> order = round % 2 == 1 ? sides : List.of(sides.get(1), sides.get(0));
        Result s = null;
        Result o = null;
        for (Side side : order) {
          Result r = run(side, seconds);
          System.out.printf("round %d %-8s %8.1f cycles/s  p95 %6.2f ms  errors %d%n", round, side.name(), r.perSecond(),
              r.p95Millis(), r.errors());
          if (side.asUser()) {
            o = r;
          } else {
            s = r;
          }
        }
        starterRates.add(s.perSecond());
        opsflowRates.add(o.perSecond());
        ratios.add(o.perSecond() / s.perSecond());
        System.out.printf("round %d ratio    %8.2fx%n", round, o.perSecond() / s.perSecond());
      }
      System.out.printf("%nEngine in-JVM user-task cycle, %d threads, %d rounds of %d s: starter %.1f, opsflow %.1f cycles/s "
          + "(medians); ratio median %.2fx, rounds %.2f-%.2f%n", THREADS, rounds, seconds, median(starterRates),
          median(opsflowRates), median(ratios), Collections.min(ratios), Collections.max(ratios));
    } finally {
      opsflow.close();
      starter.close();
    }
  }

  /** The engine as the Camunda Spring Boot starter configures it when nothing is set. */
  static ProcessEngine starterDefaults(Path dir) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:file:" + dir.toAbsolutePath() + "/starter");
    configuration.setJdbcUsername("sa");
    configuration.setJdbcPassword("");
    configuration.setJdbcMaxActiveConnections(10);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setIdGenerator(new StrongUuidGenerator());
    configuration.setJobExecutorActivate(true);
    configuration.setProcessEngineName("starter-defaults");
    return configuration.buildProcessEngine();
  }

  /** Opsflow with everything it configures, without the demo history (the demo company is there). */
  static ConfigurableApplicationContext opsflow(Path dir) {
    return new SpringApplicationBuilder(OpsflowApplication.class).profiles("demo").run(
        "--server.port=0", "--opsflow.data-dir=" + dir.toAbsolutePath(), "--opsflow.demo-history.enabled=false",
        "--logging.level.root=WARN", "--logging.level.io.opsflow=WARN");
  }

  static void deploy(ProcessEngine engine) throws IOException {
    engine.getRepositoryService().createDeployment().name("bench").enableDuplicateFiltering(true)
        .addString("bench-user-task.bpmn", Files.readString(MODEL)).deploy();
  }

  static void grantWarehouse(AuthorizationService authorizations) {
    Authorization definition = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    definition.setGroupId(GROUPS.get(0));
    definition.setResource(Resources.PROCESS_DEFINITION);
    definition.setResourceId(PROCESS_KEY);
    definition.addPermission(Permissions.READ);
    definition.addPermission(Permissions.CREATE_INSTANCE);
    authorizations.saveAuthorization(definition);
    if (authorizations.createAuthorizationQuery().groupIdIn(GROUPS.get(0)).resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(Authorization.ANY).count() == 0) {
      Authorization instances = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      instances.setGroupId(GROUPS.get(0));
      instances.setResource(Resources.PROCESS_INSTANCE);
      instances.setResourceId(Authorization.ANY);
      instances.addPermission(Permissions.CREATE);
      authorizations.saveAuthorization(instances);
    }
  }

  static Result run(Side side, int seconds) throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(THREADS);
    long start = System.nanoTime();
    for (int t = 0; t < THREADS; t++) {
      new Thread(() -> {
        List<Double> mine = new ArrayList<>();
        ProcessEngine engine = side.engine();
        while (System.nanoTime() < end) {
          long began = System.nanoTime();
          if (side.asUser()) {
            engine.getIdentityService().setAuthentication(USER, GROUPS);
          }
          try {
            String instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY).getId();
            List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(instance).listPage(0, 1);
            engine.getTaskService().complete(tasks.get(0).getId());
            mine.add((System.nanoTime() - began) / 1e6);
          } catch (RuntimeException e) {
            errors.incrementAndGet();
            if (errors.get() < 3) {
              e.printStackTrace();
            }
          } finally {
            engine.getIdentityService().clearAuthentication();
          }
        }
        latencies.addAll(mine);
        done.countDown();
      }).start();
    }
    done.await();
    double took = (System.nanoTime() - start) / 1e9;
    List<Double> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    double p95 = sorted.isEmpty() ? Double.NaN : sorted.get(Math.max(0, (int) Math.ceil(0.95 * sorted.size()) - 1));
    return new Result(sorted.size() / took, p95, errors.get());
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
