import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP client of the benchmark suite (docs/performance.md), started by the scripts of bench/
 * with {@code java bench/Bench.java ...} (single-file source launch, no dependencies).
 *
 * <pre>
 * setup  NAME URL ADMIN:PASS [GROUP]     deploy bench/processes/bench-user-task.bpmn; with GROUP, grant it
 *                                        READ + CREATE_INSTANCE on the process and CREATE on instances
 * rest   SECONDS ROUNDS WARMUP THREADS NAME=URL=USER:PASS[=PID] NAME=URL=USER:PASS[=PID]
 *                                        the user-task cycle on both apps, alternating rounds; ratios of
 *                                        the second app to the first; with PID (or PID+POSTMASTER: App)
 *                                        the CPU milliseconds per cycle
 * load   NAME=URL=USER:PASS SECONDS THREADS  the cycle on one app (profiles, SQL counts)
 * cycles NAME=URL=USER:PASS N            N cycles, one after the other
 * orders URL SECONDS THREADS [PID]       orders end to end over /api (Opsflow only); with the app's PID
 *                                        (or PID+POSTMASTER), its CPU milliseconds per order
 * orders-sql URL ORDERS TRACE OUT        SQL statements per order and per call (H2 trace file TRACE; the
 *                                        statements of each call to OUT)
 * </pre>
 */
public class Bench {

  static final String PROCESS_KEY = "Process_BenchUserTask";
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "setup" -> setup(args[1], args[2], args[3], args.length > 4 ? args[4] : null);
      case "rest" -> rest(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
          Integer.parseInt(args[4]), App.parse(args[5]), App.parse(args[6]));
      case "load" -> {
        Result r = load(Integer.parseInt(args[3]), Integer.parseInt(args[2]), cycle(App.parse(args[1])), null);
        System.err.printf("%.1f cycles/s, p95 %.1f ms, %d errors %s%n", r.perSecond(), r.p(0.95), r.errors(), r.errorKinds());
      }
      case "cycles" -> {
        Unit cycle = cycle(App.parse(args[1]));
        for (int i = 0, n = Integer.parseInt(args[2]); i < n; i++) {
          cycle.run(new ArrayList<>());
        }
      }
      case "orders" -> orders(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), args.length > 4 ? args[4] : "-");
      case "orders-sql" -> ordersSql(args[1], Integer.parseInt(args[2]), Path.of(args[3]), Path.of(args[4]));
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    }
  }

  /**
   * An app under test: name, base URL, login (or "-" for none), process id (or "-": CPU not
   * measured; "PID+POSTMASTER": the app's database runs in a PostgreSQL cluster whose processes count too).
   */
  record App(String name, String url, String login, String pid) {
    static App parse(String spec) {
      String[] parts = spec.split("=", 4);
      return new App(parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : "-");
    }

    /** CPU time of the app's processes so far (user + system), in milliseconds; 0 without a pid. */
    double cpuMillis() throws IOException {
      return pid.equals("-") ? 0 : ticks(Long.parseLong(pid.split("\\+")[0]), false) * 10.0 + databaseCpuMillis();
    }

    /**
     * Of {@link #cpuMillis()}, the PostgreSQL cluster's (0 without a postmaster): the postmaster with
     * the ended backends it has waited for, and its running children (backends, writers).
     */
    double databaseCpuMillis() throws IOException {
      String[] pids = pid.split("\\+");
      if (pids.length < 2) {
        return 0;
      }
      long postmaster = Long.parseLong(pids[1]);
      long ticks = ticks(postmaster, true);
      for (ProcessHandle child : ProcessHandle.of(postmaster).orElseThrow().children().toList()) {
        ticks += ticks(child.pid(), true);
      }
      return ticks * 10.0; // clock ticks of 10 ms
    }

    /** utime + stime of process PID, with its waited-for children's (cutime + cstime); 0 once it has ended. */
    private static long ticks(long pid, boolean withChildren) throws IOException {
      String stat;
      try {
        stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      } catch (NoSuchFileException ended) {
        return 0;
      }
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return withChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
    }
  }

  record Answer(int status, String body) {}

  static Answer call(String method, String url, String login, String json) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    if (login != null && !login.equals("-")) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)));
    }
    if (json != null) {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }

  static Answer expect(int status, Answer answer, String what) {
    if (answer.status() != status) {
      throw new IllegalStateException(what + ": " + answer.status() + " " + answer.body());
    }
    return answer;
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
    return m.find() ? m.group(1) : null;
  }

  // ---------------------------------------------------------------- setup

  static void setup(String name, String url, String admin, String group) throws Exception {
    byte[] bpmn = Files.readAllBytes(Path.of("bench/processes/bench-user-task.bpmn"));
    String boundary = "bench" + UUID.randomUUID();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbench\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"enable-duplicate-filtering\"\r\n\r\ntrue\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-source\"\r\n\r\nbench\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"bench-user-task.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n";
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = concat(head.getBytes(StandardCharsets.UTF_8), bpmn, tail);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/engine-rest/deployment/create"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(admin.getBytes(StandardCharsets.UTF_8)));
    HttpResponse<String> deployed = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (deployed.statusCode() != 200) {
      throw new IllegalStateException(name + ": deployment failed " + deployed.statusCode() + " " + deployed.body());
    }
    if (group != null) {
      grant(url, admin, group, 6, PROCESS_KEY, "READ", "CREATE_INSTANCE");
      grant(url, admin, group, 8, "*", "CREATE");
    }
    System.err.println(name + ": " + PROCESS_KEY + " deployed" + (group != null ? ", granted to " + group : ""));
  }

  static void grant(String url, String admin, String group, int resourceType, String resourceId, String... permissions)
      throws Exception {
    String query = url + "/engine-rest/authorization?type=1&groupIdIn=" + group + "&resourceType=" + resourceType
        + "&resourceId=" + (resourceId.equals("*") ? "%2A" : resourceId) + "&maxResults=1";
    if (!expect(200, call("GET", query, admin, null), "authorization query").body().equals("[]")) {
      return;
    }
    String json = "{\"type\":1,\"permissions\":[\"" + String.join("\",\"", permissions) + "\"],\"groupId\":\"" + group
        + "\",\"resourceType\":" + resourceType + ",\"resourceId\":\"" + resourceId + "\"}";
    expect(200, call("POST", url + "/engine-rest/authorization/create", admin, json), "grant");
  }

  static byte[] concat(byte[]... parts) {
    byte[] all = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  // ---------------------------------------------------------------- load

  /** What a load of some seconds gave: completed units, their latencies (ms), errors. */
  record Result(int done, double seconds, List<Double> latencies, int errors, Map<String, Integer> errorKinds) {
    double perSecond() {
      return done / seconds;
    }

    double p(double q) {
      return percentile(latencies, q);
    }
  }

  interface Unit {
    /** One unit of work; records the latencies of its calls in {@code calls}; returns false for an error. */
    void run(List<Double> calls) throws Exception;
  }

  static Result load(int threads, int seconds, Unit unit, List<Double> callLatencies) throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger done = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    Map<String, Integer> kinds = new ConcurrentHashMap<>();
    CountDownLatch finished = new CountDownLatch(threads);
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      Thread thread = new Thread(() -> {
        List<Double> mine = new ArrayList<>();
        List<Double> calls = new ArrayList<>();
        while (System.nanoTime() < end) {
          long began = System.nanoTime();
          try {
            unit.run(calls);
            mine.add((System.nanoTime() - began) / 1e6);
            done.incrementAndGet();
          } catch (Exception e) {
            errors.incrementAndGet();
            String kind = String.valueOf(e.getMessage());
            kinds.merge(kind.length() > 160 ? kind.substring(0, 160) : kind, 1, Integer::sum);
          }
        }
        latencies.addAll(mine);
        if (callLatencies != null) {
          callLatencies.addAll(calls);
        }
        finished.countDown();
      });
      thread.start();
    }
    finished.await();
    double took = (System.nanoTime() - start) / 1e9;
    return new Result(done.get(), took, new ArrayList<>(latencies), errors.get(), kinds);
  }

  static double percentile(List<Double> values, double q) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  // ---------------------------------------------------------------- REST user-task cycle

  /** Start by the start form (the route people have in Opsflow), find the task with maxResults=1, complete it. */
  static Unit cycle(App app) {
    String engine = app.url() + "/engine-rest";
    return calls -> {
      long t0 = System.nanoTime();
      Answer started = expect(200, call("POST", engine + "/process-definition/key/" + PROCESS_KEY + "/submit-form",
          app.login(), "{\"variables\":{}}"), "start");
      String instance = field(started.body(), "id");
      long t1 = System.nanoTime();
      Answer found = expect(200, call("GET", engine + "/task?processInstanceId=" + instance + "&maxResults=1", app.login(),
          null), "find task");
      String task = field(found.body(), "id");
      if (task == null) {
        throw new IllegalStateException("find task: no task in " + found.body());
      }
      long t2 = System.nanoTime();
      expect(204, call("POST", engine + "/task/" + task + "/complete", app.login(), "{\"variables\":{}}"), "complete");
      long t3 = System.nanoTime();
      calls.add((t1 - t0) / 1e6);
      calls.add((t2 - t1) / 1e6);
      calls.add((t3 - t2) / 1e6);
    };
  }

  static void rest(int seconds, int rounds, int warmup, int threads, App first, App second) throws Exception {
    List<App> apps = List.of(first, second);
    for (App app : apps) {
      System.err.printf("warm-up %s %d s%n", app.name(), warmup);
      Result w = load(threads, warmup, cycle(app), null);
      System.err.printf("  %s warm-up: %.1f cycles/s, %d errors %s%n", app.name(), w.perSecond(), w.errors(), w.errorKinds());
    }
    Map<String, List<Result>> results = new LinkedHashMap<>();
    apps.forEach(app -> results.put(app.name(), new ArrayList<>()));
    List<Double> ratios = new ArrayList<>();
    Map<String, Double> cpu = new LinkedHashMap<>();
    Map<String, Double> databaseCpu = new LinkedHashMap<>();
    System.out.printf("%-6s %-10s %10s %8s %8s %7s %10s%n", "round", "app", "cycles/s", "p50 ms", "p95 ms", "errors",
        "CPU ms/cyc");
    for (int round = 1; round <= rounds; round++) {
      List<App> order = round % 2 == 1 ? apps : List.of(second, first);
      Map<String, Result> thisRound = new LinkedHashMap<>();
      for (App app : order) {
        double cpuBefore = app.cpuMillis();
        double databaseCpuBefore = app.databaseCpuMillis();
        Result r = load(threads, seconds, cycle(app), null);
        double cpuUsed = app.cpuMillis() - cpuBefore;
        cpu.merge(app.name(), cpuUsed, Double::sum);
        databaseCpu.merge(app.name(), app.databaseCpuMillis() - databaseCpuBefore, Double::sum);
        thisRound.put(app.name(), r);
        results.get(app.name()).add(r);
        System.out.printf("%-6d %-10s %10.1f %8.1f %8.1f %7d %10.2f%n", round, app.name(), r.perSecond(), r.p(0.5),
            r.p(0.95), r.errors(), cpuUsed / r.done());
        if (r.errors() > 0) {
          System.out.println("       errors: " + r.errorKinds());
        }
      }
      double ratio = thisRound.get(second.name()).perSecond() / thisRound.get(first.name()).perSecond();
      ratios.add(ratio);
      System.out.printf("%-6d %-10s %10.2fx%n", round, "ratio", ratio);
    }
    System.out.println();
    System.out.printf("REST user-task cycle, %d threads, %d rounds of %d s after %d s warm-up:%n", threads, rounds, seconds,
        warmup);
    for (App app : apps) {
      List<Result> rs = results.get(app.name());
      List<Double> all = new ArrayList<>();
      rs.forEach(r -> all.addAll(r.latencies()));
      int errors = rs.stream().mapToInt(Result::errors).sum();
      int cycles = rs.stream().mapToInt(Result::done).sum();
      System.out.printf("  %-10s %8.1f cycles/s (median of rounds)  p95 %.1f ms  errors %d  CPU %.2f ms per cycle%s%n",
          app.name(), median(rs.stream().map(Result::perSecond).toList()), percentile(all, 0.95), errors,
          cpu.get(app.name()) / cycles, databaseCpu.get(app.name()) > 0
              ? String.format(" (of it PostgreSQL's processes %.2f ms)", databaseCpu.get(app.name()) / cycles) : "");
    }
    double firstCpu = cpu.get(first.name()) / results.get(first.name()).stream().mapToInt(Result::done).sum();
    double secondCpu = cpu.get(second.name()) / results.get(second.name()).stream().mapToInt(Result::done).sum();
    if (firstCpu > 0) {
      System.out.printf("  CPU per cycle %s/%s: %.2fx (whole process: request threads, GC, JIT, job executor; with PostgreSQL, its processes too)%n",
          second.name(), first.name(), secondCpu / firstCpu);
    }
    System.out.printf("  ratio %s/%s: median %.2fx, rounds %.2f-%.2f%n", second.name(), first.name(), median(ratios),
        Collections.min(ratios), Collections.max(ratios));
  }

  // ---------------------------------------------------------------- orders end to end

  static void orders(String url, int seconds, int threads, String pid) throws Exception {
    App app = new App("opsflow", url, "-", pid);
    restock(url);
    Map<String, String> placed = new ConcurrentHashMap<>();
    List<Double> callLatencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger polls = new AtomicInteger();
    Unit order = calls -> order(url, placed, polls, new Calls() {
      @Override
      public <T> T call(String kind, Call<T> call) throws Exception {
        return timed(calls, call);
      }
    });
    System.err.println("warm-up 10 s");
    load(threads, 10, order, null);
    placed.clear();
    double cpuBefore = app.cpuMillis();
    double databaseCpuBefore = app.databaseCpuMillis();
    Result r = load(threads, seconds, order, callLatencies);
    double cpuPerOrder = (app.cpuMillis() - cpuBefore) / Math.max(1, r.done());
    double databaseCpuPerOrder = (app.databaseCpuMillis() - databaseCpuBefore) / Math.max(1, r.done());
    int shipped = 0;
    List<String> notShipped = new ArrayList<>();
    for (String id : placed.keySet()) {
      String status = field(expect(200, call("GET", url + "/api/orders/" + id, SALES, null), "read order").body(), "status");
      if ("SHIPPED".equals(status)) {
        shipped++;
      } else {
        notShipped.add(id + "=" + status);
      }
    }
    System.out.printf("Orders end to end over /api, %d clients, %d s after 10 s warm-up:%n", threads, seconds);
    System.out.printf("  %.1f orders/s (%d orders), order p50 %.0f ms p95 %.0f ms; per call p50 %.1f ms p95 %.1f ms "
        + "(%d calls, %d task polls)%n", r.perSecond(), r.done(), r.p(0.5), r.p(0.95), percentile(callLatencies, 0.5),
        percentile(callLatencies, 0.95), callLatencies.size(), polls.get());
    if (cpuPerOrder > 0) {
      System.out.printf("  CPU of the app's process per order %.1f ms (request threads, job executor, GC, JIT)%s%n", cpuPerOrder,
          databaseCpuPerOrder > 0 ? String.format(", of it PostgreSQL's processes %.1f ms", databaseCpuPerOrder) : "");
    }
    System.out.printf("  placed %d, SHIPPED %d, errors %d %s%s%n", placed.size(), shipped, r.errors(), r.errorKinds(),
        notShipped.isEmpty() ? "" : " not shipped: " + notShipped.subList(0, Math.min(10, notShipped.size())));
  }

  static final String SALES = "sam:sam";
  static final String WAREHOUSE = "wendy:wendy";
  static final Pattern STATEMENT = Pattern.compile("^/\\*SQL[^*]*\\*/ *([A-Za-z]+)", Pattern.MULTILINE);

  static void restock(String url) throws Exception {
    for (String sku : List.of("CABLE-USBC", "LAMP-LED")) {
      for (int i = 0; i < 5; i++) {
        expect(200, call("POST", url + "/api/products/" + sku + "/restock", WAREHOUSE, "{\"quantity\":10000}"),
            "restock " + sku);
      }
    }
  }

  /** Each call of an order, by its kind ("place order", "list tasks", ...). */
  interface Calls {
    <T> T call(String kind, Call<T> call) throws Exception;
  }

  /**
   * One order: placed as sam, then as wendy "Pick and pack order" and "Ship order" found in her
   * task list (looking again until it is there) and completed.
   */
  static void order(String url, Map<String, String> placed, AtomicInteger polls, Calls calls) throws Exception {
    String body = "{\"customerName\":\"Bench Customer\",\"customerEmail\":\"bench-" + UUID.randomUUID()
        + "@example.com\",\"lines\":[{\"sku\":\"CABLE-USBC\",\"quantity\":1},{\"sku\":\"LAMP-LED\",\"quantity\":1}]}";
    String orderJson = calls.call("place order", () -> expect(201, call("POST", url + "/api/orders", SALES, body),
        "place order")).body();
    String orderId = field(orderJson, "id");
    String instance = field(orderJson, "processInstanceId");
    placed.put(orderId, instance);
    String pick = awaitTask(url, WAREHOUSE, instance, "Task_PickAndPackOrder", calls, polls);
    calls.call("complete pick and pack", () -> expect(204, call("POST", url + "/api/tasks/" + pick + "/complete",
        WAREHOUSE, "{\"itemsMissing\":false}"), "complete pick and pack"));
    String ship = awaitTask(url, WAREHOUSE, instance, "Task_ShipOrder", calls, polls);
    calls.call("complete ship", () -> expect(204, call("POST", url + "/api/tasks/" + ship + "/complete", WAREHOUSE,
        "{\"carrier\":\"DHL\",\"trackingNumber\":\"BENCH" + orderId + "X0000\"}"), "complete ship"));
  }

  /**
   * SQL statements per order and per kind of call, from H2's trace file (the app started with
   * {@code TRACE_LEVEL_FILE=2}): ORDERS orders one after the other; the statements written to the
   * trace during a call count for its kind, those between calls (job executor, outbox) apart.
   * The statements of every call go to OUT, each call under a comment line.
   */
  static void ordersSql(String url, int orders, Path trace, Path out) throws Exception {
    restock(url);
    Map<String, String> placed = new ConcurrentHashMap<>();
    AtomicInteger polls = new AtomicInteger();
    for (int i = 0; i < 5; i++) { // warm-up: caches, first statements
      order(url, placed, polls, new Calls() {
        @Override
        public <T> T call(String kind, Call<T> call) throws Exception {
          return call.run();
        }
      });
    }
    Map<String, Map<String, Integer>> byKind = new LinkedHashMap<>();
    Map<String, Integer> callsByKind = new LinkedHashMap<>();
    StringBuilder statements = new StringBuilder();
    long[] offset = {Files.size(trace)};
    Calls traced = new Calls() {
      void count(String kind) throws IOException {
        long size = Files.size(trace);
        byte[] bytes = new byte[(int) (size - offset[0])];
        try (var file = new java.io.RandomAccessFile(trace.toFile(), "r")) {
          file.seek(offset[0]);
          file.readFully(bytes);
        }
        offset[0] = size;
        String text = new String(bytes, StandardCharsets.UTF_8);
        statements.append("-- ").append(kind).append('\n').append(text);
        Matcher m = STATEMENT.matcher(text);
        while (m.find()) {
          byKind.computeIfAbsent(kind, k -> new LinkedHashMap<>()).merge(m.group(1).toUpperCase(), 1, Integer::sum);
        }
      }

      @Override
      public <T> T call(String kind, Call<T> call) throws Exception {
        count("between calls (job executor, outbox)");
        T result = call.run();
        count(kind);
        callsByKind.merge(kind, 1, Integer::sum);
        return result;
      }
    };
    polls.set(0);
    for (int i = 0; i < orders; i++) {
      order(url, placed, polls, traced);
    }
    Files.writeString(out, statements);
    System.out.printf("SQL statements per order (%d orders, one client, %d looks at the task list that found nothing):%n",
        orders, polls.get());
    List<String> kinds = List.of("SELECT", "INSERT", "UPDATE", "DELETE", "COMMIT");
    System.out.printf("  %-38s %6s%s %7s%n", "call (calls per order)", "", String.join("", kinds.stream()
        .map(k -> String.format(" %7s", k)).toList()), "all");
    Map<String, Integer> total = new LinkedHashMap<>();
    byKind.forEach((kind, counts) -> {
      int calls = callsByKind.getOrDefault(kind, 0);
      String per = calls == 0 ? "" : String.format("%.1f", (double) calls / orders);
      StringBuilder line = new StringBuilder(String.format("  %-38s %6s", kind, per));
      int all = 0;
      for (String k : kinds) {
        line.append(String.format(" %7.1f", counts.getOrDefault(k, 0) / (double) orders));
        all += counts.getOrDefault(k, 0);
        total.merge(k, counts.getOrDefault(k, 0), Integer::sum);
      }
      counts.forEach((k, n) -> {
        if (!kinds.contains(k)) {
          total.merge(k, n, Integer::sum);
        }
      });
      all += counts.entrySet().stream().filter(e -> !kinds.contains(e.getKey())).mapToInt(Map.Entry::getValue).sum();
      System.out.println(line.append(String.format(" %7.1f", all / (double) orders)));
    });
    StringBuilder line = new StringBuilder(String.format("  %-38s %6s", "order", ""));
    for (String k : kinds) {
      line.append(String.format(" %7.1f", total.getOrDefault(k, 0) / (double) orders));
    }
    System.out.println(line.append(String.format(" %7.1f",
        total.values().stream().mapToInt(Integer::intValue).sum() / (double) orders)));
    System.out.printf("  the statements of each call: %s%n", out);
  }

  interface Call<T> {
    T run() throws Exception;
  }

  static <T> T timed(List<Double> calls, Call<T> call) throws Exception {
    long t0 = System.nanoTime();
    T result = call.run();
    calls.add((System.nanoTime() - t0) / 1e6);
    return result;
  }

  /** Polls the user's task list until the task of this instance and key is there (should a step before it be asynchronous). */
  static String awaitTask(String url, String login, String instance, String key, Calls calls, AtomicInteger polls)
      throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    Pattern task = Pattern.compile("\\{\"id\":\"([^\"]+)\",\"name\":\"[^\"]*\",\"processInstanceId\":\"" + instance
        + "\",\"taskDefinitionKey\":\"" + key + "\"");
    while (System.nanoTime() < deadline) {
      String list = calls.call("list tasks", () -> expect(200, call("GET", url + "/api/tasks", login, null), "my tasks")).body();
      Matcher m = task.matcher(list);
      if (m.find()) {
        return m.group(1);
      }
      polls.incrementAndGet();
      Thread.sleep(10);
    }
    throw new IllegalStateException("no " + key + " for instance " + instance + " within 30 s");
  }
}
