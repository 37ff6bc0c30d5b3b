package io.opsflow.insight;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The targets of one process as a manager sets them ({@code PUT /api/insight/targets/{processKey}}):
 * each figure is optional, a missing one has no target. A setting replaces the one in force.
 */
record TargetSetting(
    @Schema(example = "P2DT4H") @Pattern(regexp = WorkingDuration.PATTERN, message = WorkingDuration.RULE) String cycleTimeP90,
    @DecimalMin("0") @DecimalMax("100") Double onTimePercent,
    @PositiveOrZero @Max(1_000_000) Integer maxWorkInProgress,
    @Size(max = 100) List<@Valid @NotNull StepTarget> steps) {

  /** The share of one user task's completions that is to be on time. */
  record StepTarget(@Schema(example = "Task_PickAndPackOrder") @NotBlank @Size(max = 255) String taskKey,
      @NotNull @DecimalMin("0") @DecimalMax("100") Double onTimePercent) {}

  List<StepTarget> stepsOrNone() {
    return steps == null ? List.of() : steps;
  }
}
