package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.opsflow.RunningApp;
import io.opsflow.TestPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15, item 6 on the {@code prod} profile: PostgreSQL stopped ({@code pg_ctl stop -m fast})
 * for 30 seconds under load and started again. Meanwhile requests answer 503 with
 * {@code Retry-After} and a reason, never 500; afterwards, without a restart of Opsflow, orders are
 * placed again, the job executor runs what became due, the outbox sends what waited, and nothing
 * acknowledged is lost. Skipped where PostgreSQL is not installed; CI installs it.
 */
class DatabaseOutageIT {

  private static final Path LOGS = Path.of("target", "it-logs");
  private static final Duration OUTAGE = Duration.ofSeconds(30);
  private static final int CLIENTS = 4;

  @RegisterExtension
  final OutboxMailServer mailServer = new OutboxMailServer();
  private TestPostgres postgres;
  private RunningApp app;

  @BeforeEach
  void startDatabase() throws Exception {
    assumeTrue(TestPostgres.isInstalled(), TestPostgres.MISSING);
    postgres = TestPostgres.newCluster();
  }

  @AfterEach
  void stopApplicationAndDatabase() throws Exception {
    if (app != null) {
      app.kill();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void requestsAnswer503WhileTheDatabaseIsDownAndEverythingRecoversByItself() throws Exception {
    String url = postgres.createDatabase("opsflow");
    app = start(url);
    OrderLoad load = OrderLoad.start(app, CLIENTS);
    await("orders before the outage").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
        .until(() -> load.acknowledgedOrders().size() >= 10);

    postgres.stop();
    long down = System.nanoTime();
    await("an outage of " + OUTAGE + " with refusals").atMost(OUTAGE.plusMinutes(1)).pollInterval(Duration.ofMillis(200))
        .until(() -> Duration.ofNanos(System.nanoTime() - down).compareTo(OUTAGE) >= 0 && unavailable(load) >= CLIENTS);
    postgres.start();
    int ordersWhenBack = load.acknowledgedOrders().size();
    await("orders after the outage").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
        .until(() -> load.acknowledgedOrders().size() >= ordersWhenBack + 10);
    load.close();

    await("due jobs executed and outbox sent").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> app.count("/engine-rest/job/count?executable=true") == 0 && app.metric("opsflow_mail_outbox_waiting") == 0);
    app.stop();
    app = null;
    assertThat(load.refusalsOtherThan(409, 503)).as("answers other than 2xx, 409 and 503").isEmpty();
    assertThat(load.refusals()).filteredOn(refusal -> refusal.status() == 503).isNotEmpty().allSatisfy(refusal -> {
      assertThat(refusal.retryAfter()).as("Retry-After").isNotBlank();
      assertThat(refusal.body()).contains("\"status\":503", "the database cannot be reached");
    });
    assertThat(load.unanswered()).as("requests without an answer").isZero();
    try (StoredWork work = StoredWork.at(url, TestPostgres.USER, TestPostgres.PASSWORD)) {
      work.assertHolds(load);
      work.assertNothingStuck();
      work.assertStockConsistent();
      work.assertEveryMailSentOnce(mailServer.received());
    }
  }

  private static long unavailable(OrderLoad load) {
    return load.refusals().stream().filter(refusal -> refusal.status() == 503).count();
  }

  /** The prod profile with the demo company seeded (sam places orders, wendy packs), on the test's mail server. */
  private RunningApp start(String url) throws IOException {
    return TestPostgres.startOpsflow(LOGS.resolve("database-outage.log"), url, mailServer.appArguments());
  }
}
