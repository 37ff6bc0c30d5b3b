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
 * <p>More sides measure Opsflow's differences apart: {@code starter-durable} is the starter's engine
 * on an H2 file with {@code WRITE_DELAY=0} as Opsflow's (the price of the durable commit),
 * {@code opsflow-anonymous} Opsflow's engine with no user set (the engine checks no authorization).
 *
 * <pre>
 * bench/engine.sh [SECONDS=30] [ROUNDS=4] [SIDES=starter,opsflow]
 * e.g. bench/engine.sh 30 4 starter,starter-durable,opsflow,opsflow-anonymous
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
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    List<String> names = List.of((args.length > 2 ? args[2] : "starter,opsflow").split(","));
    Path dir = Files.createTempDirectory("engine-cycle");
    List<ProcessEngine> starters = new ArrayList<>();
    ConfigurableApplicationContext opsflow = null;
    try {
      List<Side> sides = new ArrayList<>();
      for (String name : names) {
        switch (name) {
          case "starter", "starter-durable" -> {
            ProcessEngine engine = starterDefaults(dir.resolve(name), name.equals("starter-durable") ? ";WRITE_DELAY=0" : "");
            starters.add(engine);
            deploy(engine);
            sides.add(new Side(name, engine, false));
          }
          case "opsflow", "opsflow-anonymous" -> {
            if (opsflow == null) {
              opsflow = opsflow(dir.resolve("opsflow"));
              deploy(opsflow.getBean(ProcessEngine.class));
              grantWarehouse(opsflow.getBean(ProcessEngine.class).getAuthorizationService());
            }
            sides.add(new Side(name, opsflow.getBean(ProcessEngine.class), name.equals("opsflow")));
          }
          default -> throw new IllegalArgumentException("no side " + name + " (starter, starter-durable, opsflow, opsflow-anonymous)");
        }
      }
      // a warm-up of twice a round per side, twice over: the JIT compiles the code of both
      for (int pass = 0; pass < 2; pass++) {
        for (Side side : sides) {
          Result warm = run(side, seconds * 2);
          System.out.printf("warm-up %-17s %8.1f cycles/s%n", side.name(), warm.perSecond());
        }
      }
      List<List<Double>> rates = new ArrayList<>();
      sides.forEach(side -> rates.add(new ArrayList<>()));
      for (int round = 1; round <= rounds; round++) {
        // each round starts with another side
        for (int k = 0; k < sides.size(); k++) {
          int i = (k + round - 1) % sides.size();
          Result r = run(sides.get(i), seconds);
          rates.get(i).add(r.perSecond());
          System.out.printf("round %d %-17s %8.1f cycles/s  p95 %6.2f ms  errors %d%n", round, sides.get(i).name(),
              r.perSecond(), r.p95Millis(), r.errors());
        }
      }
      System.out.printf("%nEngine in-JVM user-task cycle, %d threads, %d rounds of %d s (medians; ratio to %s per round):%n",
          THREADS, rounds, seconds, sides.get(0).name());
      for (int i = 0; i < sides.size(); i++) {
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          ratios.add(rates.get(i).get(round) / rates.get(0).get(round));
        }
        System.out.printf("  %-17s %8.1f cycles/s  ratio %.2fx (rounds %.2f-%.2f)%n", sides.get(i).name(),
            median(rates.get(i)), median(ratios), Collections.min(ratios), Collections.max(ratios));
      }
    } finally {
      if (opsflow != null) {
        opsflow.close();
      }
      starters.forEach(ProcessEngine::close);
    }
  }

  /** The engine as the Camunda Spring Boot starter configures it when nothing is set. */
  static ProcessEngine starterDefaults(Path dir, String h2Options) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:file:" + dir.toAbsolutePath() + "/starter" + h2Options);
    configuration.setJdbcUsername("sa");
    configuration.setJdbcPassword("");
    configuration.setJdbcMaxActiveConnections(10);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setIdGenerator(new StrongUuidGenerator());
    configuration.setJobExecutorActivate(true);
    configuration.setProcessEngineName("starter-" + dir.getFileName());
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
