package io.opsflow.insight;

import io.opsflow.insight.TargetSetting.StepTarget;
import java.time.Instant;
import java.util.List;

/** The targets of a process as set, by whom and when (one row of its history). */
record TargetView(String processKey, String cycleTimeP90, Double onTimePercent, Integer maxWorkInProgress,
    List<StepTarget> steps, String setBy, Instant setAt) {

  static TargetView of(ProcessTarget target) {
    return new TargetView(target.processKey(), target.cycleTimeP90(), target.onTimePercent(),
        target.maxWorkInProgress(), target.stepOnTimePercent().entrySet().stream()
            .map(step -> new StepTarget(step.getKey(), step.getValue())).toList(),
        target.setBy(), target.setAt());
  }
}
