package io.opsflow.insight;

import io.opsflow.OpsflowApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: the insight endpoints' latency on 100,000 completed orders in the H2 file
 * database. Fills {@code target/insight-benchmark/} once (see {@link BenchmarkHistory}; later runs
 * reuse it), starts the app on it, then calls each endpoint over HTTP as olivia (HTTP Basic),
 * {@link #CALLS} times measured after a fifth as many to warm up, and prints median and p95.
 * Run: see docs/insight.md, "Benchmark".
 */
public final class InsightBenchmark {

  static final int INSTANCES = 100_000;
  static final int RUNNING = 300;
  static final int CALLS = 100;
  /** A whole year of history is a stress case beyond the target: fewer calls. */
  static final int YEAR_CALLS = 20;
  private static final String YEAR = "stress: ";

  private InsightBenchmark() {}

  public static void main(String[] args) throws Exception {
    ConfigurableApplicationContext app = start();
    if (history(app).completedInstances() < INSTANCES) {
      history(app).fill(INSTANCES, RUNNING);
      compact(app);
      app = start();
    }
    try {
      System.out.printf("completed %s instances: %d%n", BenchmarkHistory.PROCESS_KEY, history(app).completedInstances());
      String port = app.getEnvironment().getProperty("local.server.port");
      measure("http://localhost:" + port + "/api/insight");
    } finally {
      app.close();
    }
  }

  /**
   * The app as configured, on the benchmark's folder, with one addition: H2 would answer a query
   * repeated on unchanged tables from its last result (a live system keeps writing history, so it
   * would not); {@code OPTIMIZE_REUSE_RESULTS=FALSE} makes every call run its queries.
   */
  private static ConfigurableApplicationContext start() {
    return SpringApplication.run(OpsflowApplication.class,
        "--spring.profiles.active=demo", "--opsflow.data-dir=./target/insight-benchmark",
        "--spring.datasource.url=jdbc:h2:file:./target/insight-benchmark/opsflow;WRITE_DELAY=0;LOCK_TIMEOUT=10000"
            + ";OPTIMIZE_REUSE_RESULTS=FALSE",
        "--camunda.bpm.job-execution.enabled=false", "--opsflow.demo-history.enabled=false",
        "--server.port=0", "--logging.level.root=WARN");
  }

  private static BenchmarkHistory history(ConfigurableApplicationContext app) {
    return new BenchmarkHistory(app.getBean(ProcessEngine.class), app.getBean(JdbcTemplate.class));
  }

  /**
   * H2 appends every commit to its file and compacts only a little at a time: after generating,
   * the file is many times its content (a database that grew over a year would have been
   * compacted along the way). {@code SHUTDOWN COMPACT} rewrites it; the app is then restarted.
   */
  private static void compact(ConfigurableApplicationContext app) {
    app.getBean(JdbcTemplate.class).execute("SHUTDOWN COMPACT");
    try {
      app.close();
    } catch (RuntimeException closedDatabase) {
      System.out.println("closed after compaction: " + closedDatabase.getMessage());
    }
  }

  private static void measure(String api) throws Exception {
    String key = BenchmarkHistory.PROCESS_KEY;
    String year = "from=" + LocalDate.now().minusDays(365) + "&to=" + LocalDate.now();
    Map<String, String> endpoints = new LinkedHashMap<>();
    endpoints.put("kpis, all processes, 4 weeks", "/kpis");
    endpoints.put("process kpis, 4 weeks", "/processes/" + key + "/kpis");
    endpoints.put("bottlenecks, 4 weeks", "/processes/" + key + "/bottlenecks");
    endpoints.put("heatmap, 4 weeks", "/processes/" + key + "/heatmap");
    endpoints.put("history search, process, page 1", "/instances?process=" + key);
    endpoints.put("history search, business key", "/instances?process=" + key + "&businessKey=order-42_c7");
    endpoints.put("history search, completed, 4 weeks, page 5",
        "/instances?process=" + key + "&status=completed&from=" + LocalDate.now().minusDays(27) + "&page=5");
    endpoints.put(YEAR + "process kpis, 365 days", "/processes/" + key + "/kpis?" + year);
    endpoints.put(YEAR + "bottlenecks, 365 days", "/processes/" + key + "/bottlenecks?" + year);
    endpoints.put(YEAR + "heatmap, 365 days", "/processes/" + key + "/heatmap?" + year);
    HttpClient client = HttpClient.newHttpClient();
    String login = "Basic " + Base64.getEncoder().encodeToString("olivia:olivia".getBytes(StandardCharsets.UTF_8));
    System.out.printf("%-45s %10s %10s%n", "endpoint", "median ms", "p95 ms");
    for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(api + endpoint.getValue()))
          .header("Authorization", login).build();
      List<Double> millis = new ArrayList<>();
      int calls = endpoint.getKey().startsWith(YEAR) ? YEAR_CALLS : CALLS;
      int warmUp = calls / 5;
      for (int call = 0; call < warmUp + calls; call++) {
        long start = System.nanoTime();
        int status = client.send(request, BodyHandlers.ofString()).statusCode();
        if (status != 200) {
          throw new IllegalStateException(endpoint.getValue() + " answered " + status);
        }
        if (call >= warmUp) {
          millis.add((System.nanoTime() - start) / 1e6);
        }
      }
      Collections.sort(millis);
      System.out.printf("%-45s %10.1f %10.1f%n", endpoint.getKey(), millis.get(calls / 2),
          millis.get((int) Math.ceil(calls * 0.95) - 1));
    }
  }
}
