package io.opsflow.insight;

import static io.opsflow.insight.TestHistory.APPROVE;
import static io.opsflow.insight.TestHistory.REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.OpsflowSpringTest;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Figures against targets over two weeks of history with known times (2 and 9 March 2020 are
 * Mondays), read on Wednesday 18 March: a slow, late first week and a quick, punctual second one
 * that leaves one instance running.
 */
@OpsflowSpringTest
class TargetScorecardTest {

  private static final long HOUR = 3_600_000L;
  private static final LocalDateTime FIRST_MONDAY = LocalDateTime.of(2020, 3, 2, 10, 0);
  private static final LocalDateTime SECOND_MONDAY = FIRST_MONDAY.plusWeeks(1);

  @Autowired
  ProcessEngine engine;
  @Autowired
  TestRestTemplate http;

  TestHistory history;

  @BeforeEach
  void twoWeeksWithTargets() {
    history = TestHistory.deploy(engine);
    ProcessInstance slow = history.start(FIRST_MONDAY, "slow", FIRST_MONDAY.plusHours(2));
    history.work(slow, REVIEW, "sam", FIRST_MONDAY, FIRST_MONDAY.plusHours(4));
    history.work(slow, APPROVE, "olivia", FIRST_MONDAY.plusHours(4), FIRST_MONDAY.plusDays(1).plusHours(2));
    ProcessInstance quick = history.start(SECOND_MONDAY, "quick", SECOND_MONDAY.plusHours(2));
    history.work(quick, REVIEW, "sam", SECOND_MONDAY, SECOND_MONDAY.plusHours(1));
    history.work(quick, APPROVE, "olivia", SECOND_MONDAY.plusHours(1), SECOND_MONDAY.plusHours(2));
    history.start(SECOND_MONDAY.plusDays(1), "running", SECOND_MONDAY.plusDays(1).plusHours(6));
    ClockUtil.reset();
    HttpEntity<Map<String, Object>> targets = new HttpEntity<>(Map.of("cycleTimeP90", "P1D", "onTimePercent", 90,
        "maxWorkInProgress", 0, "steps", List.of(Map.of("taskKey", REVIEW, "onTimePercent", 50))));
    assertThat(http.withBasicAuth("olivia", "olivia").exchange("/api/insight/targets/" + history.processKey(),
        HttpMethod.PUT, targets, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    ClockUtil.setCurrentTime(TestHistory.at(SECOND_MONDAY.plusDays(9)));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void eachFigureIsComparedWithItsTargetWeekByWeek() {
    JsonNode figures = get("/api/insight/scorecard?weeks=2").getBody();

    // 10 working hours from Monday 11:00 to Tuesday 13:00 in Berlin, then 2 hours, against 8
    JsonNode cycleTime = figure(figures, TargetScorecard.CYCLE_TIME);
    assertThat(cycleTime.get("target").asText()).isEqualTo("P1D");
    assertThat(cycleTime.get("targetValue").asLong()).isEqualTo(8 * HOUR);
    assertThat(values(cycleTime)).containsExactly("2020-03-02=" + 10.0 * HOUR, "2020-03-09=" + 2.0 * HOUR);
    assertMeasured(cycleTime, 2.0 * HOUR, true, "better");
    JsonNode onTime = figure(figures, TargetScorecard.ON_TIME);
    assertThat(values(onTime)).containsExactly("2020-03-02=0.0", "2020-03-09=100.0");
    assertMeasured(onTime, 100.0, true, "better");
    JsonNode workInProgress = figure(figures, TargetScorecard.WORK_IN_PROGRESS);
    assertThat(values(workInProgress)).containsExactly("2020-03-02=0.0", "2020-03-09=1.0");
    assertMeasured(workInProgress, 1.0, false, "worse");
    JsonNode review = figure(figures, TargetScorecard.STEP_ON_TIME);
    assertThat(review.get("taskKey").asText()).isEqualTo(REVIEW);
    assertThat(review.get("taskName").asText()).isEqualTo("Review request");
    assertThat(review.get("target").asText()).isEqualTo("50 %");
    assertMeasured(review, 100.0, true, "better");
  }

  @Test
  void theScorecardDownloadsAsCsvAndRefusesOddPeriods() {
    ResponseEntity<String> csv = http.withBasicAuth("olivia", "olivia")
        .getForEntity("/api/insight/scorecard.csv?weeks=2", String.class);

    assertThat(csv.getBody()).startsWith(
        "processKey,processName,figure,taskKey,taskName,target,targetValue,lastWeek,met,trend\r\n");
    assertThat(csv.getBody()).contains(history.processKey() + ",Insight test request,workInProgress,,,0,0.0,1.0,false,worse\r\n");
    ResponseEntity<JsonNode> tooShort = get("/api/insight/scorecard?weeks=1");
    assertThat(tooShort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooShort.getBody().get("detail").asText()).isEqualTo("weeks: must be from 2 to 26");
  }

  private static void assertMeasured(JsonNode figure, double lastWeek, boolean met, String trend) {
    assertThat(figure.get("lastWeek").asDouble()).isEqualTo(lastWeek);
    assertThat(figure.get("met").asBoolean()).isEqualTo(met);
    assertThat(figure.get("trend").asText()).isEqualTo(trend);
  }

  private JsonNode figure(JsonNode figures, String name) {
    for (JsonNode figure : figures) {
      if (figure.get("processKey").asText().equals(history.processKey()) && figure.get("figure").asText().equals(name)) {
        return figure;
      }
    }
    throw new AssertionError("no figure " + name + " of " + history.processKey() + " in " + figures);
  }

  private static List<String> values(JsonNode figure) {
    return figure.get("weeks").valueStream()
        .map(week -> week.get("weekStart").asText() + "=" + week.get("value").asDouble()).toList();
  }

  private ResponseEntity<JsonNode> get(String path) {
    return http.withBasicAuth("olivia", "olivia").getForEntity(path, JsonNode.class);
  }
}
