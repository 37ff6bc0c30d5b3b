package io.opsflow.insight;

import io.opsflow.insight.TargetSetting.StepTarget;
import io.opsflow.platform.ApiException;
import io.opsflow.platform.Problems.InvalidParam;
import io.opsflow.platform.WorkingCalendar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * The targets managers set per process and per step, and their history: every setting is kept,
 * the newest one of a process is in force.
 */
@Service
class Targets {

  private final ProcessTargetRepository repository;
  private final ProcessCatalog catalog;
  private final WorkingCalendar calendar;

  Targets(ProcessTargetRepository repository, ProcessCatalog catalog, WorkingCalendar calendar) {
    this.repository = repository;
    this.catalog = catalog;
    this.calendar = calendar;
  }

  /** The targets in force, one per process that has any, by process key. */
  List<TargetView> current() {
    return repository.findCurrent().stream().map(TargetView::of).toList();
  }

  /** Every setting of a deployed process, newest first. */
  List<TargetView> history(String processKey) {
    catalog.get(processKey);
    return repository.findByProcessKeyOrderByIdDesc(processKey).stream().map(TargetView::of).toList();
  }

  /**
   * Sets the targets of a deployed process (replacing those in force), after the checks Bean
   * Validation cannot make: a cycle time longer than zero, steps that are user tasks of the
   * process, each once.
   */
  TargetView set(String processKey, TargetSetting setting, String userId) {
    Map<String, String> userTasks = catalog.userTasks(processKey);
    List<InvalidParam> invalid = new ArrayList<>();
    if (setting.cycleTimeP90() != null && WorkingDuration.of(setting.cycleTimeP90(), calendar).isZero()) {
      invalid.add(new InvalidParam("cycleTimeP90", "must be longer than zero"));
    }
    Map<String, Double> steps = new TreeMap<>();
    List<StepTarget> given = setting.stepsOrNone();
    for (int i = 0; i < given.size(); i++) {
      StepTarget step = given.get(i);
      if (!userTasks.containsKey(step.taskKey())) {
        invalid.add(new InvalidParam("steps[" + i + "].taskKey", "must be a user task of " + processKey + ": one of "
            + String.join(", ", userTasks.keySet())));
      } else if (steps.putIfAbsent(step.taskKey(), step.onTimePercent()) != null) {
        invalid.add(new InvalidParam("steps[" + i + "].taskKey", "is given twice"));
      }
    }
    if (!invalid.isEmpty()) {
      throw ApiException.invalid(invalid);
    }
    return TargetView.of(repository.save(new ProcessTarget(processKey, setting.cycleTimeP90(),
        setting.onTimePercent(), setting.maxWorkInProgress(), steps, userId,
        ClockUtil.getCurrentTime().toInstant())));
  }
}
