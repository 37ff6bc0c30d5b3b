package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application as it runs in production, in its own JVM on an H2 file: what the engine
 * committed before a {@code kill -9} is there after the restart, and a restart without changes
 * deploys nothing.
 */
class DurabilityIT {

  private static final Duration START_UP = Duration.ofMinutes(5);
  private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Process> started = new ArrayList<>();

  @TempDir
  Path dataDir;
  @TempDir
  Path processesDir;

  @AfterEach
  void stopApplications() throws InterruptedException {
    for (Process process : started) {
      process.destroyForcibly().waitFor();
    }
  }

  @Test
  void committedInstanceSurvivesHardKillAndRestartDeploysNothing() throws Exception {
    try (InputStream model = getClass().getResourceAsStream("/" + TestProcess.SALES_TASK.resource)) {
      Files.copy(model, processesDir.resolve("sales-task.bpmn"));
    }
    Application first = start("first");
    long deployments = first.deploymentCount();
    assertThat(first.get("/actuator/prometheus").body()).as("metrics for administrators").contains("jvm_memory_used_bytes");

    HttpResponse<String> created = first.post("/engine-rest/process-definition/key/" + TestProcess.SALES_TASK.key + "/start");
    first.process.destroyForcibly().waitFor();

    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    String instanceId = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    Application second = start("second");
    assertThat(second.get("/engine-rest/process-instance/" + instanceId).statusCode()).isEqualTo(200);
    assertThat(second.get("/engine-rest/task?maxResults=10&processInstanceId=" + instanceId).body()).contains("Task_HandleRequest");
    assertThat(second.deploymentCount()).isEqualTo(deployments);
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

  /** Starts the application in its own JVM on the data dir and waits until it is ready. */
  private Application start(String name) throws IOException {
    int port = freePort();
    Path log = dataDir.resolve(name + ".log");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", applicationClasspath(), "io.opsflow.OpsflowApplication",
        "--server.port=" + port,
        "--opsflow.data-dir=" + dataDir,
        "--opsflow.deployment.processes-dir=" + processesDir,
        "--spring.profiles.active=demo")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    started.add(process);
    Application application = new Application(process, port);
    await("ready: " + log).atMost(START_UP).pollInterval(Duration.ofMillis(500))
        .until(() -> !process.isAlive() || application.isReady());
    assertThat(process.isAlive()).as("application died, see " + log).isTrue();
    return application;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private final class Application {
    final Process process;
    private final int port;

    Application(Process process, int port) {
      this.process = process;
      this.port = port;
    }

    boolean isReady() {
      try {
        return get("/actuator/health").statusCode() == 200;
      } catch (IOException e) {
        return false; // not listening yet
      }
    }

    long deploymentCount() throws IOException {
      return Long.parseLong(get("/engine-rest/deployment/count").body().replaceAll("\\D", ""));
    }

    HttpResponse<String> get(String path) throws IOException {
      return send(request(path).GET());
    }

    HttpResponse<String> post(String path) throws IOException {
      return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
    }

    private HttpRequest.Builder request(String path) {
      return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", ADMIN)
          .timeout(Duration.ofSeconds(30));
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
}
