package io.opsflow.insight;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.camunda.bpm.engine.task.Task;
import org.springframework.modulith.NamedInterface;

/**
 * Insight's extension point for the demo history: how one process is played, when instances start
 * (through the start form or the process's own service, as its users would) and how each user task
 * gets done. Each process package declares one bean for its own process (profile
 * {@code demo & !test & !prod}); {@link DemoHistory} plays them all on an empty database. Insight
 * itself knows no process.
 */
@NamedInterface("demo")
public interface DemoScenario {

  /** Who does a task, how long it waits before they claim it, how long they work, what they enter. */
  @NamedInterface("demo")
  record TaskPlan(String userId, Duration waitBeforeClaim, Duration work, Map<String, Object> formData) {}

  String processKey();

  /**
   * Schedules the starts between {@code from} and {@code to} ({@link HistorySimulation#start} or
   * {@link HistorySimulation#startWithForm}); the simulation drives only the instances started so.
   */
  void schedule(HistorySimulation simulation, Instant from, Instant to, Random random);

  /** How a newly created task gets done; empty leaves it open (still running at the end). */
  Optional<TaskPlan> plan(Task task, Random random);

  /** Work of the last day stays open, so the demo shows work in progress. */
  Duration STILL_OPEN = Duration.ofDays(1);

  static boolean stillOpen(Task task) {
    return task.getCreateTime().toInstant().isAfter(Instant.now().minus(STILL_OPEN));
  }

  static Duration minutes(int least, int most, Random random) {
    return Duration.ofMinutes(least + random.nextInt(most - least));
  }

  /** The working days (Monday to Friday) from {@code from} up to {@code to}. */
  static List<LocalDate> workingDays(Instant from, Instant to) {
    List<LocalDate> days = new ArrayList<>();
    ZoneId zone = ZoneId.systemDefault();
    for (LocalDate day = from.atZone(zone).toLocalDate(); day.atStartOfDay(zone).toInstant().isBefore(to);
        day = day.plusDays(1)) {
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        days.add(day);
      }
    }
    return days;
  }

  /** {@code day} at {@code hour} o'clock plus up to {@code spreadMinutes}, in the server's zone. */
  static Instant at(LocalDate day, int hour, int spreadMinutes, Random random) {
    return day.atTime(hour, 0).atZone(ZoneId.systemDefault()).toInstant()
        .plus(Duration.ofMinutes(random.nextInt(spreadMinutes)));
  }
}
