package io.opsflow.insight;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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
 */
@Component
@Profile("demo & !test & !prod")
@ConditionalOnProperty(name = "opsflow.demo-history.enabled", matchIfMissing = true)
class DemoHistory {

  static final int WEEKS = 4;
  private static final Logger LOG = LoggerFactory.getLogger(DemoHistory.class);

  private final ProcessEngine engine;
  private final List<DemoScenario> scenarios;

  DemoHistory(ProcessEngine engine, List<DemoScenario> scenarios) {
    this.engine = engine;
    this.scenarios = scenarios;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  void play() {
    if (scenarios.isEmpty() || alreadyPlayed()) {
      return;
    }
    Instant now = Instant.now();
    long started = System.nanoTime();
    int failures = new HistorySimulation(engine, scenarios, new Random(7))
        .play(now.minus(Duration.ofDays(7L * WEEKS)), now);
    LOG.info("Demo history: {} weeks of {} played in {} s ({} steps met a changed world)", WEEKS,
        scenarios.stream().map(DemoScenario::processKey).toList(),
        Duration.ofNanos(System.nanoTime() - started).toSeconds(), failures);
  }

  private boolean alreadyPlayed() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKeyIn(scenarios.stream().map(DemoScenario::processKey).toArray(String[]::new)).count() > 0;
  }
}
