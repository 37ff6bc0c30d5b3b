package io.opsflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Rule coverage of a decision test class ({@code <Decision>DecisionTest}), the DMN counterpart of
 * process test coverage: register it as a static extension and give {@link #listener()} to the DMN
 * engine that evaluates the designers' tables (never to one evaluating a modified copy). After the
 * class it writes {@code target/decision-rule-coverage/<test class>.tsv} (decision, rule id, hits)
 * and fails when a rule of a table the class evaluated was never hit. {@link EveryModelMeasured}
 * reads these reports at the end of the suite.
 */
public final class DecisionRuleCoverage implements AfterAllCallback {

  static final Path REPORTS = Path.of("target", "decision-rule-coverage");
  static final String REPORT_SUFFIX = ".tsv";

  /** Decision key, then rule id in table order, then hits. */
  private final Map<String, Map<String, Integer>> hits = new LinkedHashMap<>();

  public DmnDecisionTableEvaluationListener listener() {
    return this::record;
  }

  private synchronized void record(DmnDecisionTableEvaluationEvent event) {
    Map<String, Integer> rules = hits.computeIfAbsent(event.getDecisionTable().getKey(),
        key -> noHits(event.getDecisionTable()));
    event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(rule -> rules.merge(rule, 1, Integer::sum));
  }

  private static Map<String, Integer> noHits(DmnDecision decision) {
    Map<String, Integer> rules = new LinkedHashMap<>();
    for (DmnDecisionTableRuleImpl rule : ((DmnDecisionTableImpl) decision.getDecisionLogic()).getRules()) {
      rules.put(rule.getId(), 0);
    }
    return rules;
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    List<String> report = new ArrayList<>();
    List<String> neverHit = new ArrayList<>();
    hits.forEach((decision, rules) -> rules.forEach((rule, count) -> {
      report.add(decision + "\t" + rule + "\t" + count);
      if (count == 0) {
        neverHit.add(decision + "/" + rule);
      }
    }));
    Files.createDirectories(REPORTS);
    Files.write(REPORTS.resolve(context.getRequiredTestClass().getName() + REPORT_SUFFIX), report);

    assertThat(neverHit).as("rules of the decision tables evaluated by %s that no test hit (report in %s)",
        context.getRequiredTestClass().getSimpleName(), REPORTS).isEmpty();
  }
}
