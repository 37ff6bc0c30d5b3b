package io.opsflow.changes;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.DecisionRuleCoverage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The risk table as designers edit it in processes/change-risk.dmn, on a plain DMN engine. Every
 * rule is hit ({@link DecisionRuleCoverage}); the copy with another hit policy is not the table and
 * is evaluated on an engine that does not count.
 */
class ChangeRiskDecisionTest {

  private static final Path TABLE = Path.of("processes/change-risk.dmn");
  private static final List<String> LEVELS = List.of("low", "medium", "high");
  private static final List<String> SEVERITY = List.of("low", "medium", "high");

  @RegisterExtension
  static final DecisionRuleCoverage ruleCoverage = new DecisionRuleCoverage();

  private final List<String> matchedRules = new ArrayList<>();
  private final DmnEngine engine = engineRecordingMatches(matchedRules);
  private final DmnEngine uncounted = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  @ParameterizedTest(name = "impact {0}, urgency {1}, {2} team(s) -> {4} by {3}")
  @CsvSource({
      "high,   medium, 1, Rule_HighImpactNotDeferrable,  high",
      "high,   high,   1, Rule_HighImpactNotDeferrable,  high",
      "medium, high,   1, Rule_MediumImpactUrgent,       high",
      "low,    low,    4, Rule_CompanyWide,              high",
      "high,   low,    1, Rule_HighImpactDeferrable,     medium",
      "medium, medium, 1, Rule_MediumImpactMediumUrgency, medium",
      "low,    high,   1, Rule_LowImpactUrgent,          medium",
      "low,    low,    2, Rule_SeveralTeams,             medium",
      "medium, low,    3, Rule_SeveralTeams,             medium",
      "low,    low,    1, Rule_StandardChange,           low",
      "low,    medium, 1, Rule_StandardChange,           low",
      "medium, low,    1, Rule_StandardChange,           low"})
  void everyRuleDecidesItsCase(String impact, String urgency, int teams, String rule, String risk) {
    String result = evaluate(decision(readTable()), impact, urgency, teams);

    assertThat(result).isEqualTo(risk);
    assertThat(matchedRules).containsExactly(rule);
  }

  @Test
  void theTableIsReadFirstMatchWins() {
    DecisionTable table = readTable().getModelElementsByType(DecisionTable.class).iterator().next();

    assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
  }

  @Test
  void theFirstMatchIsTheMostSevereOfAllMatchingRulesForEveryInput() {
    DmnDecision first = decision(readTable());
    DmnModelInstance collecting = readTable();
    collecting.getModelElementsByType(DecisionTable.class).iterator().next().setHitPolicy(HitPolicy.COLLECT);
    DmnDecision all = uncounted.parseDecision(ChangeRollout.DECISION_RISK, collecting);

    for (String impact : LEVELS) {
      for (String urgency : LEVELS) {
        for (int teams = 1; teams <= 7; teams++) {
          List<String> matching = uncounted.evaluateDecisionTable(all, inputs(impact, urgency, teams))
              .collectEntries("risk");
          String mostSevere = matching.stream().max((a, b) -> SEVERITY.indexOf(a) - SEVERITY.indexOf(b)).orElseThrow();

          assertThat(evaluate(first, impact, urgency, teams))
              .as("impact %s, urgency %s, %d teams", impact, urgency, teams).isEqualTo(mostSevere);
        }
      }
    }
  }

  @Test
  void moreTeamsNeverLowerTheRisk() {
    DmnDecision decision = decision(readTable());
    for (String impact : LEVELS) {
      for (String urgency : LEVELS) {
        for (int teams = 1; teams < 7; teams++) {
          assertThat(SEVERITY.indexOf(evaluate(decision, impact, urgency, teams + 1)))
              .isGreaterThanOrEqualTo(SEVERITY.indexOf(evaluate(decision, impact, urgency, teams)));
        }
      }
    }
  }

  private String evaluate(DmnDecision decision, String impact, String urgency, int teams) {
    matchedRules.clear();
    return engine.evaluateDecisionTable(decision, inputs(impact, urgency, teams)).getSingleEntry();
  }

  private static Map<String, Object> inputs(String impact, String urgency, int teams) {
    return Map.of(ChangeRollout.VAR_IMPACT, impact, ChangeRollout.VAR_URGENCY, urgency,
        ChangeRollout.VAR_AFFECTED_TEAM_COUNT, teams);
  }

  private DmnDecision decision(DmnModelInstance model) {
    return engine.parseDecision(ChangeRollout.DECISION_RISK, model);
  }

  private static DmnModelInstance readTable() {
    try (InputStream in = Files.newInputStream(TABLE)) {
      return Dmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DmnEngine engineRecordingMatches(List<String> matchedRules) {
    DmnDecisionTableEvaluationListener recorder = (DmnDecisionTableEvaluationEvent event) ->
        event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matchedRules::add);
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    return configuration.customPostDecisionTableEvaluationListeners(List.of(recorder, ruleCoverage.listener()))
        .buildEngine();
  }
}
