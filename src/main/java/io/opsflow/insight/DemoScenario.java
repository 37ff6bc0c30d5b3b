package io.opsflow.insight;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.camunda.bpm.engine.task.Task;

/**
 * How one process is played for the demo history: when instances start (through the process's
 * own service, as its users would) and how each user task gets done. Declare one bean per
 * process; {@link DemoHistory} plays them all on an empty database.
 */
interface DemoScenario {

  /** Who does a task, how long it waits before they claim it, how long they work, what they enter. */
  record TaskPlan(String userId, Duration waitBeforeClaim, Duration work, Map<String, Object> formData) {}

  String processKey();

  /** Schedules the starts between {@code from} and {@code to} ({@link HistorySimulation#at}). */
  void schedule(HistorySimulation simulation, Instant from, Instant to, Random random);

  /** How a newly created task gets done; empty leaves it open (still running at the end). */
  Optional<TaskPlan> plan(Task task, Random random);
}
