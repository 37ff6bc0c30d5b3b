package io.opsflow.insight;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A first start that shows something: in the demo profile (never in tests or prod), an empty
 * database gets {@link #WEEKS} weeks of history of every {@link DemoScenario}, played through the
 * engine ({@link HistorySimulation}), ending now, with some work still open. Runs once: when any
 * instance of those processes exists, it does nothing. {@code opsflow.demo-history.enabled=false}
 * switches it off.
 * <p>
 * It plays when the application is ready, after every start-up runner (organisation, deployments,
 * demo products), and first among the listeners of that event: the Camunda starter starts the
 * job executor on the same event, later, so the simulation alone runs jobs meanwhile. Spring Boot
 * declares the application ready for traffic only after this listener, so no request is served
 * with the engine clock moved ({@code StartupGate} answers 503 meanwhile), and the simulation
 * drives only the instances it started.
 * <p>
 * On H2 it plays with H2's write delay (commits written together every 500 ms, not each on its
 * own; docs/performance.md): its thousands of short transactions would otherwise each wait for
 * the disk, while nobody can work yet. A crash meanwhile leaves a shorter demo, as a crash a
 * moment earlier would; the database's own setting is back before anyone works.
 */
@Component
@Profile("demo & !test & !prod")
@ConditionalOnProperty(name = "opsflow.demo-history.enabled", matchIfMissing = true)
class DemoHistory {

  static final int WEEKS = 4;
  private static final Logger LOG = LoggerFactory.getLogger(DemoHistory.class);

  /** H2's default write delay, in milliseconds. */
  static final int H2_WRITE_DELAY = 500;

  private final ProcessEngine engine;
  private final List<DemoScenario> scenarios;
  private final JdbcTemplate jdbc;

  DemoHistory(ProcessEngine engine, List<DemoScenario> scenarios, JdbcTemplate jdbc) {
    this.engine = engine;
    this.scenarios = scenarios;
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  void play() {
    if (scenarios.isEmpty() || alreadyPlayed()) {
      return;
    }
    Instant now = Instant.now();
    long started = System.nanoTime();
    int failures = withCommitsWrittenTogether(() -> new HistorySimulation(engine, scenarios, new Random(7))
        .play(now.minus(Duration.ofDays(7L * WEEKS)), now));
    LOG.info("Demo history: {} weeks of {} played in {} s ({} steps met a changed world)", WEEKS,
        scenarios.stream().map(DemoScenario::processKey).toList(),
        Duration.ofNanos(System.nanoTime() - started).toSeconds(), failures);
  }

  private int withCommitsWrittenTogether(IntSupplier play) {
    boolean h2 = "H2".equals(jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()));
    if (!h2) {
      return play.getAsInt();
    }
    // H2 lists the setting twice, with the same value
    String writeDelay = jdbc.queryForList(
        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'", String.class).get(0);
    jdbc.execute("SET WRITE_DELAY " + H2_WRITE_DELAY);
    try {
      return play.getAsInt();
    } finally {
      jdbc.execute("SET WRITE_DELAY " + Integer.parseInt(writeDelay));
    }
  }

  private boolean alreadyPlayed() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKeyIn(scenarios.stream().map(DemoScenario::processKey).toArray(String[]::new)).count() > 0;
  }
}
