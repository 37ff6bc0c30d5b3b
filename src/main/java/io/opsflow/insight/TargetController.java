package io.opsflow.insight;

import io.opsflow.insight.TargetScorecard.Figure;
import io.opsflow.insight.TargetScorecard.Line;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Targets per process and step, and the figures against them (see docs/insight.md). Like all of
 * insight, for management and administrators only (the insight security chain).
 */
@RestController
@RequestMapping("/api/insight")
@Tag(name = "Insight")
class TargetController {

  private final Targets targets;
  private final TargetScorecard scorecard;

  TargetController(Targets targets, TargetScorecard scorecard) {
    this.targets = targets;
    this.scorecard = scorecard;
  }

  @Operation(operationId = "listTargets", summary = "The targets in force, per process")
  @GetMapping("/targets")
  List<TargetView> targets() {
    return targets.current();
  }

  @Operation(operationId = "setTargets", summary = "Set a process's targets (replaces the ones in force)")
  @PutMapping("/targets/{processKey}")
  TargetView set(@PathVariable String processKey, @Valid @RequestBody TargetSetting setting, Authentication login) {
    return targets.set(processKey, setting, login.getName());
  }

  @Operation(operationId = "getTargetHistory", summary = "A process's targets as they were set over time")
  @GetMapping("/targets/{processKey}/history")
  List<TargetView> history(@PathVariable String processKey) {
    return targets.history(processKey);
  }

  @Operation(operationId = "getScorecard", summary = "The figures of the last weeks against the targets")
  @GetMapping("/scorecard")
  List<Figure> scorecard(@Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "2", maximum = "" + TargetScorecard.MAX_WEEKS,
      defaultValue = "" + TargetScorecard.DEFAULT_WEEKS)) @RequestParam(defaultValue = "" + TargetScorecard.DEFAULT_WEEKS) int weeks) {
    return scorecard.figures(weeks);
  }

  @Operation(operationId = "getScorecardCsv", summary = "The scorecard as CSV")
  @Csv.Described
  @GetMapping("/scorecard.csv")
  ResponseEntity<String> scorecardCsv(@Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "2", maximum = "" + TargetScorecard.MAX_WEEKS,
      defaultValue = "" + TargetScorecard.DEFAULT_WEEKS)) @RequestParam(defaultValue = "" + TargetScorecard.DEFAULT_WEEKS) int weeks) {
    return Csv.download("scorecard.csv", Line.class, scorecard(weeks).stream().map(Figure::line).toList());
  }
}
