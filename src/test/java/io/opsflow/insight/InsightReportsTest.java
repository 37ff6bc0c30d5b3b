package io.opsflow.insight;

import static io.opsflow.insight.TestHistory.APPROVE;
import static io.opsflow.insight.TestHistory.REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.OpsflowSpringTest;
import java.time.LocalDateTime;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The reports over history written with known times (March 2020; 2 March is a Monday). */
@OpsflowSpringTest
class InsightReportsTest {

  private static final long HOUR = 3_600_000L;
  private static final LocalDateTime MONDAY = LocalDateTime.of(2020, 3, 2, 9, 0);

  @Autowired
  ProcessEngine engine;
  @Autowired
  TestRestTemplate http;

  TestHistory history;

  @BeforeEach
  void deploy() {
    history = TestHistory.deploy(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void kpisCountInstancesAndTakeCycleTimePercentiles() {
    // five completed with cycle times 1, 2, 3, 4 and 10 hours, one a day from Monday
    int[] hours = {1, 2, 3, 4, 10};
    for (int day = 0; day < hours.length; day++) {
      LocalDateTime start = MONDAY.plusDays(day);
      ProcessInstance instance = history.start(start, "order-" + day, null);
      history.work(instance, REVIEW, "sam", start, start.plusMinutes(30));
      history.work(instance, APPROVE, "olivia", start.plusMinutes(30), start.plusHours(hours[day]));
    }
    history.cancel(history.start(MONDAY.plusDays(3), "cancelled", null), MONDAY.plusDays(4));
    history.start(MONDAY.plusDays(7), "running", MONDAY.plusDays(8));
    history.start(MONDAY.plusDays(14), "after the period", null);
    ClockUtil.reset();

    JsonNode kpis = get("/processes/" + history.processKey() + "/kpis?from=2020-03-02&to=2020-03-15");

    JsonNode summary = kpis.get("summary");
    assertThat(summary.get("started").asLong()).isEqualTo(7);
    assertThat(summary.get("completed").asLong()).isEqualTo(5);
    assertThat(summary.get("cancelled").asLong()).isEqualTo(1);
    assertThat(summary.get("running").asLong()).isEqualTo(1);
    assertThat(summary.get("cycleTimeMedianMillis").asLong()).isEqualTo(3 * HOUR);
    assertThat(summary.get("cycleTimeP90Millis").asLong()).isEqualTo(Math.round(7.6 * HOUR));
    assertThat(kpis.get("throughput").toString())
        .isEqualTo("[{\"weekStart\":\"2020-03-02\",\"completed\":5},{\"weekStart\":\"2020-03-09\",\"completed\":0}]");
    JsonNode review = kpis.get("workInProgress").get(0);
    assertThat(review.get("taskKey").asText()).isEqualTo(REVIEW);
    assertThat(review.get("open").asLong()).isEqualTo(2);
    assertThat(review.get("unassigned").asLong()).isEqualTo(2);
    assertThat(review.get("overdue").asLong()).isEqualTo(1);
  }

  @Test
  void bottlenecksMeasureWaitingWorkingAndSla() {
    // review: waits 1, 2, 3, 4 h; works 0.5, 0.5, 1, 2 h; due 4 h after creation -> the last is late
    double[][] waitWork = {{1, 0.5}, {2, 0.5}, {3, 1}, {4, 2}};
    for (int i = 0; i < waitWork.length; i++) {
      LocalDateTime start = MONDAY.plusDays(i);
      ProcessInstance instance = history.start(start, "request-" + i, start.plusHours(4));
      LocalDateTime claimed = start.plusMinutes(Math.round(waitWork[i][0] * 60));
      LocalDateTime done = claimed.plusMinutes(Math.round(waitWork[i][1] * 60));
      if (i == 3) {
        history.escalate(instance, REVIEW, start.plusHours(4));
      }
      history.work(instance, REVIEW, "sam", claimed, done);
      history.work(instance, APPROVE, "olivia", done, done.plusHours(1));
    }
    history.start(MONDAY.plusDays(5), "still open", MONDAY.plusDays(6));
    ClockUtil.reset();

    JsonNode rows = get("/processes/" + history.processKey() + "/bottlenecks?from=2020-03-02&to=2020-03-08");

    assertThat(rows).hasSize(2);
    JsonNode review = rows.get(0);
    assertThat(review.get("taskKey").asText()).isEqualTo(REVIEW);
    assertThat(review.get("created").asLong()).isEqualTo(5);
    assertThat(review.get("completed").asLong()).isEqualTo(4);
    assertThat(review.get("completedOnTime").asLong()).isEqualTo(3);
    assertThat(review.get("onTimePercent").asDouble()).isEqualTo(75.0);
    assertThat(review.get("overdueNow").asLong()).isEqualTo(1);
    assertThat(review.get("escalated").asLong()).isEqualTo(1);
    assertThat(review.get("waitingMedianMillis").asLong()).isEqualTo(Math.round(2.5 * HOUR));
    assertThat(review.get("waitingP90Millis").asLong()).isEqualTo(Math.round(3.7 * HOUR));
    assertThat(review.get("workingMedianMillis").asLong()).isEqualTo(Math.round(0.75 * HOUR));
    assertThat(review.get("workingP90Millis").asLong()).isEqualTo(Math.round(1.7 * HOUR));
    assertThat(review.get("durationMedianMillis").asLong()).isEqualTo(Math.round(3.25 * HOUR));
    JsonNode approve = rows.get(1);
    assertThat(approve.get("taskKey").asText()).isEqualTo(APPROVE);
    assertThat(approve.get("waitingMedianMillis").asLong()).isZero();
    assertThat(approve.get("workingMedianMillis").asLong()).isEqualTo(HOUR);
    assertThat(approve.has("onTimePercent")).isFalse();
  }

  @Test
  void heatmapCountsAndTimesEachActivity() {
    for (int i = 1; i <= 3; i++) {
      LocalDateTime start = MONDAY.plusDays(i);
      ProcessInstance instance = history.start(start, "heat-" + i, null);
      history.work(instance, REVIEW, "sam", start, start.plusHours(i));
    }
    ClockUtil.reset();

    JsonNode activities = get("/processes/" + history.processKey() + "/heatmap?from=2020-03-02&to=2020-03-08");

    JsonNode review = find(activities, "activityId", REVIEW);
    assertThat(review.get("entered").asLong()).isEqualTo(3);
    assertThat(review.get("active").asLong()).isZero();
    assertThat(review.get("durationMedianMillis").asLong()).isEqualTo(2 * HOUR);
    JsonNode approve = find(activities, "activityId", APPROVE);
    assertThat(approve.get("entered").asLong()).isEqualTo(3);
    assertThat(approve.get("active").asLong()).isEqualTo(3);
    assertThat(approve.has("durationMedianMillis")).isFalse();
  }

  @Test
  void searchFindsInstancesByBusinessKeyAndStatus() {
    ProcessInstance done = history.start(MONDAY, "ACME-1", null);
    history.work(done, REVIEW, "sam", MONDAY, MONDAY.plusHours(1));
    history.work(done, APPROVE, "olivia", MONDAY.plusHours(1), MONDAY.plusHours(2));
    history.start(MONDAY.plusDays(1), "ACME-2", null);
    history.start(MONDAY.plusDays(2), "OTHER-3", null);
    ClockUtil.reset();
    String process = "/instances?process=" + history.processKey();

    assertThat(keys(get(process + "&businessKey=ACME"))).isEqualTo("[ACME-2, ACME-1]");
    assertThat(keys(get(process + "&status=completed"))).isEqualTo("[ACME-1]");
    assertThat(keys(get(process + "&status=running&from=2020-03-03&to=2020-03-03"))).isEqualTo("[ACME-2]");
    JsonNode page = get(process + "&size=2&page=0");
    assertThat(page.get("hasMore").asBoolean()).isTrue();
    assertThat(keys(get(process + "&size=2&page=1"))).isEqualTo("[ACME-1]");
  }

  @Test
  void timelineShowsWhoDidWhatWhenWithFormDataEscalationAndComments() {
    ProcessInstance instance = history.start(MONDAY, "timeline-1", MONDAY.plusHours(2));
    history.claim(instance, REVIEW, "sam", MONDAY.plusHours(1));
    history.escalate(instance, REVIEW, MONDAY.plusHours(3));
    ClockUtil.setCurrentTime(TestHistory.at(MONDAY.plusHours(4)));
    engine.getTaskService().createComment(history.task(instance, REVIEW).getId(), instance.getId(), "Customer called back");
    history.complete(instance, REVIEW, MONDAY.plusHours(5), Map.of("complete", true, "remark", "all there"));
    ClockUtil.reset();

    JsonNode timeline = get("/instances/" + instance.getId());

    assertThat(timeline.get("instance").get("businessKey").asText()).isEqualTo("timeline-1");
    assertThat(timeline.get("instance").get("status").asText()).isEqualTo("running");
    JsonNode review = find(timeline.get("steps"), "activityId", REVIEW);
    assertThat(review.get("assignee").asText()).isEqualTo("sam");
    assertThat(review.get("claimedBy").asText()).isEqualTo("sam");
    assertThat(review.get("durationMillis").asLong()).isEqualTo(5 * HOUR);
    assertThat(review.get("late").asBoolean()).isTrue();
    assertThat(review.get("escalated").asText()).startsWith("2020-03-02T");
    assertThat(review.get("formData").get("remark").asText()).isEqualTo("all there");
    assertThat(review.get("formData").get("complete").asBoolean()).isTrue();
    assertThat(review.get("comments").get(0).get("message").asText()).isEqualTo("Customer called back");
    assertThat(find(timeline.get("steps"), "activityId", APPROVE).get("state").asText()).isEqualTo("active");
  }

  @Test
  void unknownProcessIsNotFoundAndBadDatesAreRefused() {
    assertThat(olivia().getForEntity("/api/insight/processes/Process_Nope/kpis", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(olivia().getForEntity("/api/insight/kpis?from=2020-03-09&to=2020-03-01", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(olivia().getForEntity("/api/insight/kpis?from=yesterday", String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  /** 9,999 years once made half a million weekly rows in one request. */
  @Test
  void aPeriodLongerThanTwoYearsIsRefused() {
    ResponseEntity<String> twoYears = olivia().getForEntity("/api/insight/kpis?from=2024-01-01&to=2025-12-31", String.class);
    ResponseEntity<String> ages = olivia().getForEntity("/api/insight/processes/Process_OrderFulfillment/kpis"
        + "?from=0001-01-01&to=9999-12-31", String.class);

    assertThat(twoYears.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ages.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(ages.getBody()).contains("from: a report covers at most 731 days (two years)");
  }

  private TestRestTemplate olivia() {
    return http.withBasicAuth("olivia", "olivia");
  }

  private JsonNode get(String path) {
    ResponseEntity<JsonNode> response = olivia().getForEntity("/api/insight" + path, JsonNode.class);
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode node : array) {
      if (value.equals(node.path(field).asText())) {
        return node;
      }
    }
    throw new AssertionError(field + " " + value + " not in " + array);
  }

  private static String keys(JsonNode page) {
    return page.get("items").findValuesAsText("businessKey").toString();
  }
}
