package io.opsflow.platform;

import io.opsflow.RunningApp;
import io.opsflow.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Throughput of one node against two on one PostgreSQL database (issue 22, docs/cluster.md): the
 * same order load (clients placing orders as sam and completing "Pick and pack order" as wendy,
 * {@link OrderLoad}) against node A alone, then split over A and B, after a warm-up each. Not a
 * test: a main class, run on a quiet machine (a shared CPU makes two nodes compete for it).
 * <pre>
 * ./mvnw -B -q test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *   "-Dexec.args=-cp %classpath io.opsflow.platform.ClusterBenchmark 4 60"
 * </pre>
 * Arguments: clients in all (default 4), seconds measured per round (default 60).
 */
public final class ClusterBenchmark {

  private static final Path LOGS = Path.of("target", "benchmark-logs");
  private static final Duration WARM_UP = Duration.ofSeconds(20);

  private ClusterBenchmark() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    Duration measured = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 60);
    try (TestPostgres postgres = TestPostgres.newCluster()) {
      String url = postgres.createDatabase("opsflow");
      try (RunningApp nodeA = start(url, "a")) {
        double one = workPerSecond(List.of(nodeA), clients, measured);
        try (RunningApp nodeB = start(url, "b")) {
          double two = workPerSecond(List.of(nodeA, nodeB), clients, measured);
          System.out.printf("%d clients, %d s measured after %d s warm-up, one PostgreSQL 15%n", clients,
              measured.toSeconds(), WARM_UP.toSeconds());
          System.out.printf("1 node : %6.1f requests/s acknowledged (orders placed and picks completed)%n", one);
          System.out.printf("2 nodes: %6.1f requests/s acknowledged (%.2f times one node)%n", two, two / one);
        }
      }
    }
  }

  /** Orders placed plus picks completed per second, each acknowledged with a 2xx, after a warm-up. */
  private static double workPerSecond(List<RunningApp> nodes, int clients, Duration measured) throws Exception {
    run(nodes, clients, WARM_UP);
    return run(nodes, clients, measured);
  }

  private static double run(List<RunningApp> nodes, int clients, Duration duration) throws Exception {
    List<OrderLoad> loads = nodes.stream().map(node -> OrderLoad.start(node, clients / nodes.size())).toList();
    Thread.sleep(duration.toMillis());
    for (OrderLoad load : loads) {
      load.close();
    }
    long work = loads.stream().mapToLong(load -> load.acknowledgedOrders().size() + load.completedTasks().size()).sum();
    return (double) work / duration.toSeconds();
  }

  private static RunningApp start(String url, String name) throws Exception {
    return TestPostgres.startOpsflow(LOGS.resolve("cluster-" + name + ".log"), url, List.of("--opsflow.demo-history.enabled=false"));
  }
}
