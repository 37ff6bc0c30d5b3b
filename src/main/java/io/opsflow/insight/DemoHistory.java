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
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A first start that shows something: in the demo profile (never in tests or prod), an empty
 * database gets {@link #WEEKS} weeks of history of every {@link DemoScenario}, played through the
 * engine ({@link HistorySimulation}), ending when the play starts, with some work still open.
 * Runs once: when any instance of those processes exists, it does nothing.
 * {@code opsflow.demo-history.enabled=false} switches it off.
 * <p>
 * It plays on a thread of its own ({@value #THREAD}), started when the application is ready,
 * after every start-up runner (organisation, deployments, demo products): people can work from
 * the start, the reports fill in as the history is played (a log line says when it is done). The
 * simulation moves only its own thread's engine clock, and the job executor, which runs
 * meanwhile, leaves the simulation's jobs alone until the play is over ({@link SimulatedJobs}).
 * Closing the application stops the play after the action under way.
 * <p>
 * A play that did not finish (stopped, or the process killed) is not resumed: its instances exist,
 * so the next start finds the history played; its jobs go to the job executor then. Meant for one
 * node on its own database: nodes of a cluster start on the prod profile, without it.
 */
@Component
@Profile("demo & !test & !prod")
@ConditionalOnProperty(name = "opsflow.demo-history.enabled", matchIfMissing = true)
class DemoHistory {

  static final int WEEKS = 4;
  static final String THREAD = "demo-history";
  /** How long closing the application waits for the action under way. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(30);
  private static final Logger LOG = LoggerFactory.getLogger(DemoHistory.class);

  private final ProcessEngine engine;
  private final List<DemoScenario> scenarios;
  private final HistorySimulation simulation;
  private volatile Thread player;
  private volatile boolean closing;

  DemoHistory(ProcessEngine engine, List<DemoScenario> scenarios) {
    this.engine = engine;
    this.scenarios = scenarios;
    this.simulation = new HistorySimulation(engine, scenarios, new Random(7));
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    if (scenarios.isEmpty() || alreadyPlayed()) {
      return;
    }
    Thread thread = new Thread(this::play, THREAD);
    thread.setDaemon(true);
    player = thread;
    thread.start();
  }

  private void play() {
    List<String> processes = scenarios.stream().map(DemoScenario::processKey).toList();
    LOG.info("Demo history: playing {} weeks of {} in the background", WEEKS, processes);
    Instant now = Instant.now();
    long started = System.nanoTime();
    try {
      int failures = simulation.play(now.minus(Duration.ofDays(7L * WEEKS)), now);
      LOG.info("Demo history: {} weeks of {} {} in {} s ({} steps met a changed world)", WEEKS, processes,
          closing ? "stopped (not resumed at the next start)" : "played",
          Duration.ofNanos(System.nanoTime() - started).toSeconds(), failures);
    } catch (RuntimeException e) {
      LOG.error("Demo history: the play failed; it is not resumed at the next start", e);
    }
  }

  /** When the application closes, before the engine and the database do. */
  @EventListener(ContextClosedEvent.class)
  void stop() {
    closing = true;
    Thread thread = player;
    if (thread == null || !thread.isAlive()) {
      return;
    }
    simulation.stop();
    try {
      thread.join(STOP_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean alreadyPlayed() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKeyIn(scenarios.stream().map(DemoScenario::processKey).toArray(String[]::new)).count() > 0;
  }
}
