package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsflow.RunningApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application as it runs in production, in its own JVM on an H2 file (issue 15, item 6): the
 * JVM killed ({@code SIGKILL}) while clients place orders and complete
 * tasks over HTTP loses nothing it acknowledged. Right after the kill the database holds every
 * order and task completion that got a 2xx; after the restart on the same H2 file the jobs that
 * were due run by themselves, no incident is left, stock adds up, and every mail of the outbox
 * reached its recipients once (a mail being sent at the kill may arrive twice, never not at all).
 * The restart deploys nothing (nothing changed). Application logs: {@code target/it-logs}.
 */
class DurabilityIT {

  private static final Path LOGS = Path.of("target", "it-logs");
  private static final int CLIENTS = 4;
  private static final int ORDERS_BEFORE_KILL = 30;
  private static final int COMPLETIONS_BEFORE_KILL = 5;

  @TempDir
  Path dataDir;
  @RegisterExtension
  final OutboxMailServer mailServer = new OutboxMailServer();
  private RunningApp app;

  @AfterEach
  void killApplication() throws InterruptedException {
    if (app != null) {
      app.kill();
    }
  }

  @Test
  void whatWasAcknowledgedSurvivesAKillUnderLoad() throws Exception {
    app = start("before-kill");
    long deployments = app.count("/engine-rest/deployment/count");
    assertThat(app.get("admin", "/actuator/prometheus").body()).as("metrics for administrators").contains("jvm_memory_used_bytes");
    OrderLoad load = OrderLoad.start(app, CLIENTS);
    await("orders and completions acknowledged").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
        .until(() -> load.acknowledgedOrders().size() >= ORDERS_BEFORE_KILL
            && load.completedTasks().size() >= COMPLETIONS_BEFORE_KILL);

    app.kill();
    load.close();

    try (StoredWork work = storedWork()) {
      work.assertHolds(load);
    }
    app = start("after-restart");
    assertThat(app.count("/engine-rest/deployment/count")).as("deployments after a restart without changes").isEqualTo(deployments);
    await("due jobs executed and outbox sent").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> app.count("/engine-rest/job/count?executable=true") == 0 && app.metric("opsflow_mail_outbox_waiting") == 0);
    app.stop();
    assertThat(Files.readString(app.log())).as("a stop closes the engine before the database").doesNotContain("Database is already closed");
    app = null;
    try (StoredWork work = storedWork()) {
      work.assertHolds(load);
      work.assertNothingStuck();
      work.assertStockConsistent();
      work.assertEveryMailSentOnce(mailServer.received());
    }
    assertThat(load.refusalsOtherThan(409)).as("answers other than 2xx and 409").isEmpty();
  }

  /** The demo company without its history, on the test's H2 file and mail server. */
  private RunningApp start(String name) throws IOException {
    Files.createDirectories(LOGS);
    List<String> arguments = new ArrayList<>(List.of("--opsflow.data-dir=" + dataDir, "--spring.profiles.active=demo",
        "--opsflow.demo-history.enabled=false"));
    arguments.addAll(mailServer.appArguments());
    return RunningApp.start(LOGS.resolve("durability-" + name + ".log"), Map.of(), arguments);
  }

  /** The H2 file of the application, which must be stopped or dead: an H2 file belongs to one process. */
  private StoredWork storedWork() {
    return StoredWork.at("jdbc:h2:file:" + dataDir.resolve("opsflow"), "opsflow", "opsflow");
  }
}
