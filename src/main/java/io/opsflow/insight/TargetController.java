package io.opsflow.insight;

import io.opsflow.insight.TargetScorecard.Figure;
import io.opsflow.insight.TargetScorecard.Line;
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
class TargetController {

  private final Targets targets;
  private final TargetScorecard scorecard;

  TargetController(Targets targets, TargetScorecard scorecard) {
    this.targets = targets;
    this.scorecard = scorecard;
  }

  @GetMapping("/targets")
  List<TargetView> targets() {
    return targets.current();
  }

  @PutMapping("/targets/{processKey}")
  TargetView set(@PathVariable String processKey, @Valid @RequestBody TargetSetting setting, Authentication login) {
    return targets.set(processKey, setting, login.getName());
  }

  @GetMapping("/targets/{processKey}/history")
  List<TargetView> history(@PathVariable String processKey) {
    return targets.history(processKey);
  }

  @GetMapping("/scorecard")
  List<Figure> scorecard(@RequestParam(defaultValue = "" + TargetScorecard.DEFAULT_WEEKS) int weeks) {
    return scorecard.figures(weeks);
  }

  @GetMapping("/scorecard.csv")
  ResponseEntity<String> scorecardCsv(@RequestParam(defaultValue = "" + TargetScorecard.DEFAULT_WEEKS) int weeks) {
    return Csv.download("scorecard.csv", Line.class, scorecard(weeks).stream().map(Figure::line).toList());
  }
}
