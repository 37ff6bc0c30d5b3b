package io.opsflow.security;

import static io.opsflow.security.Hostile.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.OpsflowSpringTest;
import io.opsflow.ProcessDriver;
import io.opsflow.review.ReviewWeeks;
import java.util.Collections;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The weekly review through the engine REST API, as a hostile employee or a careless lead would
 * use it: nobody but its owner works an improvement action and nobody but the lead their review
 * (complete, submit-form, re-assign, delegate), and the lead's actions are checked however they
 * are sent. Every refusal leaves everything as it was.
 */
@OpsflowSpringTest
class WeeklyReviewDoorsTest {

  static final String ONE_ACTION = """
      [{"title":"Call back every cancelled order","owner":"sam","dueDate":"2031-03-06"}]""";

  @RegisterExtension final Hostile hostile = new Hostile();
  @RegisterExtension final ProcessDriver driver = new ProcessDriver();
  @RegisterExtension final ReviewWeeks weeks = new ReviewWeeks();

  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  ProcessInstance week;

  @BeforeEach
  void mondayMorning() {
    week = weeks.startAt(driver.at("2031-03-03T09:00"));
    driver.clockAt("2031-03-03T10:00");
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
      "sam, POST, /engine-rest/task/{id}/complete",
      "sam, POST, /engine-rest/task/{id}/submit-form",
      "sam, POST, /engine-rest/task/{id}/assignee",
      "sam, POST, /engine-rest/task/{id}/delegate",
      "fiona, POST, /engine-rest/task/{id}/submit-form",
      "fiona, POST, /engine-rest/task/{id}/assignee"})
  void nobodyButTheLeadWorksTheirReview(String user, String method, String path) {
    Task review = weeks.reviewOf(week, "sarah");

    ResponseEntity<JsonNode> response = hostile.call(user, HttpMethod.valueOf(method), path.replace("{id}", review.getId()),
        Map.of("userId", user, "variables", Map.of("actions", Map.of("type", "Json", "value", ONE_ACTION))));

    assertThat(response.getStatusCode()).as("%s", response.getBody()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    Task after = taskService.createTaskQuery().taskId(review.getId()).singleResult();
    assertThat(after.getAssignee()).isEqualTo("sarah");
    assertThat(after.getOwner()).isNull();
    assertThat(weeks.actionsOf(week)).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
      "wendy, POST, /engine-rest/task/{id}/complete",
      "wendy, POST, /engine-rest/task/{id}/submit-form",
      "wendy, POST, /engine-rest/task/{id}/assignee",
      "wendy, POST, /engine-rest/task/{id}/delegate",
      "fiona, POST, /engine-rest/task/{id}/submit-form",
      "fiona, POST, /engine-rest/task/{id}/delegate"})
  void nobodyButTheOwnerCarriesOutAnAction(String user, String method, String path) {
    driver.complete("sarah", weeks.reviewOf(week, "sarah").getId(), Map.of("actions", ONE_ACTION));
    Task action = weeks.actionsOf(week).get(0);

    ResponseEntity<JsonNode> response = hostile.call(user, HttpMethod.valueOf(method), path.replace("{id}", action.getId()),
        Map.of("userId", user, "variables", Map.of("result", Map.of("value", "Done by me", "type", "String"))));

    assertThat(response.getStatusCode()).as("%s", response.getBody()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    Task after = taskService.createTaskQuery().taskId(action.getId()).singleResult();
    assertThat(after.getAssignee()).isEqualTo("sam");
    assertThat(after.getOwner()).isNull();
    ResponseEntity<JsonNode> byOwner = hostile.post("sam", "/engine-rest/task/" + action.getId() + "/submit-form",
        Map.of("variables", Map.of("result", Map.of("value", "Called them all", "type", "String"))));
    assertThat(byOwner.getStatusCode()).as("%s", byOwner.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "an owner from another department | [{\"title\":\"Tidy up\",\"owner\":\"wendy\",\"dueDate\":\"2031-03-06\"}] | actions[0].owner: 'wendy' is not in sales",
      "an unknown owner | [{\"title\":\"Tidy up\",\"owner\":\"nobody\",\"dueDate\":\"2031-03-06\"}] | actions[0].owner: 'nobody' is not in sales",
      "a due date in the past | [{\"title\":\"Tidy up\",\"owner\":\"sam\",\"dueDate\":\"2031-03-02\"}] | actions[0].dueDate: 2031-03-02 is in the past",
      "a due date that is no date | [{\"title\":\"Tidy up\",\"owner\":\"sam\",\"dueDate\":\"next week\"}] | actions[0].dueDate: must be a date",
      "an empty title | [{\"title\":\"\",\"owner\":\"sam\",\"dueDate\":\"2031-03-06\"}] | 'actions[0].title' (Action) is required",
      "a title of two lines | [{\"title\":\"Tidy\\nup\",\"owner\":\"sam\",\"dueDate\":\"2031-03-06\"}] | actions[0].title: must be one line",
      "no list | {\"title\":\"Tidy up\"} | 'actions' (Improvement actions) must be a list"})
  void badActionsAreRefusedAndNothingChanges(String what, String actions, String message) {
    Task review = weeks.reviewOf(week, "sarah");

    ResponseEntity<JsonNode> response = hostile.post("sarah", "/engine-rest/task/" + review.getId() + "/submit-form",
        Map.of("variables", Map.of("actions", Map.of("type", "Json", "value", actions))));

    assertRefused(response, HttpStatus.BAD_REQUEST, message);
    assertNothingChanged(review);
  }

  @Test
  void moreThanTenActionsAreRefused() {
    Task review = weeks.reviewOf(week, "sarah");
    String eleven = "[" + String.join(",", Collections.nCopies(11,
        "{\"title\":\"Tidy up\",\"owner\":\"sam\",\"dueDate\":\"2031-03-06\"}")) + "]";

    ResponseEntity<JsonNode> response = hostile.post("sarah", "/engine-rest/task/" + review.getId() + "/submit-form",
        Map.of("variables", Map.of("actions", Map.of("type", "Json", "value", eleven))));

    assertRefused(response, HttpStatus.BAD_REQUEST, "actions: at most 10 actions a review, not 11");
    assertNothingChanged(review);
  }

  private void assertNothingChanged(Task review) {
    assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isOne();
    assertThat(weeks.actionsOf(week)).isEmpty();
    assertThat(taskService.getVariable(review.getId(), "actions")).isNull();
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(week.getId()).finished().count()).isZero();
  }
}
