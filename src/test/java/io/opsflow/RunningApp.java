package io.opsflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Opsflow as it runs in production: in a JVM of its own on a free port, started with the given
 * arguments and environment, ready when {@code /actuator/health} is UP. Integration tests kill it
 * ({@code SIGKILL}) or stop it ({@code SIGTERM}) and start it again on the same data. The demo
 * users' password is their id.
 */
public final class RunningApp implements AutoCloseable {

  private static final Duration START_UP = Duration.ofMinutes(10);

  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private RunningApp(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts the application, its output in {@code log}, and waits until it is ready. */
  public static RunningApp start(Path log, Map<String, String> environment, List<String> arguments) throws IOException {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", applicationClasspath(), "io.opsflow.OpsflowApplication", "--server.port=" + port));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    RunningApp app = new RunningApp(builder.start(), port, log);
    await("ready: " + log).atMost(START_UP).pollInterval(Duration.ofMillis(500))
        .until(() -> !app.process.isAlive() || app.isReady());
    assertThat(app.process.isAlive()).as("application died, see " + log).isTrue();
    return app;
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The application's own classpath: the test's, without the compiled tests, whose configuration
   * (process test coverage) is for the test context and must not run in the application.
   */
  private static String applicationClasspath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  public boolean isReady() {
    try {
      return get("admin", "/actuator/health").statusCode() == 200;
    } catch (IOException e) {
      return false; // not listening yet
    }
  }

  public HttpResponse<String> get(String user, String path) throws IOException {
    return send(request(user, path).GET());
  }

  /** A JSON body, with the given extra headers (name, value, name, value, ...). */
  public HttpResponse<String> post(String user, String path, String json, String... headers) throws IOException {
    HttpRequest.Builder request = request(user, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  /** A JSON body sent with {@code PUT}. */
  public HttpResponse<String> put(String user, String path, String json) throws IOException {
    return send(request(user, path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Where this application listens, e.g. {@code http://localhost:41234}. */
  public String url() {
    return "http://localhost:" + port;
  }

  /** A count of the engine REST API ({@code .../count}), as the administrator. */
  public long count(String path) throws IOException {
    return Long.parseLong(get("admin", path).body().replaceAll("\\D", ""));
  }

  /** A gauge of {@code /actuator/prometheus} without tags, as the administrator. */
  public double metric(String name) throws IOException {
    return get("admin", "/actuator/prometheus").body().lines().filter(line -> line.startsWith(name + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 1))).findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + name));
  }

  /** {@code SIGKILL}: no shutdown hook, no flush, as a power cut of the JVM. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** {@code SIGSTOP}: the JVM stops where it is, holding what it had (locks, connections), as a machine that hangs. */
  public void freeze() throws IOException, InterruptedException {
    Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(process.pid())).start();
    assertThat(stop.waitFor()).as("kill -STOP " + process.pid()).isZero();
  }

  /** {@code SIGTERM}: Spring's orderly shutdown. */
  public void stop() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  public Path log() {
    return log;
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }

  private HttpRequest.Builder request(String user, String path) {
    String login = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(url() + path)).header("Authorization", "Basic " + login)
        .timeout(Duration.ofSeconds(60));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
