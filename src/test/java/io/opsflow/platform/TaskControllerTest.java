package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.OpsflowSpringTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@OpsflowSpringTest
class TaskControllerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  TestRestTemplate http;
  @Autowired
  ProcessEngine processEngine;

  @AfterEach
  void disarmRendezvous() {
    TaskRendezvous.disarm();
  }

  @Test
  void unknownTaskIsNotFound() throws Exception {
    ResponseEntity<String> response = complete("wendy", "no-such-task");

    assertError(response, HttpStatus.NOT_FOUND, "task no-such-task does not exist");
  }

  @Test
  void taskOfAnotherDepartmentIsForbidden() throws Exception {
    String taskId = TestProcess.SALES_TASK.startTask(processEngine);

    ResponseEntity<String> response = complete("wendy", taskId);

    assertError(response, HttpStatus.FORBIDDEN, "task " + taskId + " is not yours to work");
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(taskId).count()).isOne();
  }

  @Test
  void ownTaskIsCompleted() {
    String taskId = TestProcess.SALES_TASK.startTask(processEngine);

    ResponseEntity<String> response = complete("sam", taskId);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(processEngine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).finished().count())
        .isOne();
  }

  @Test
  void completedTaskIsConflict() throws Exception {
    String taskId = TestProcess.SALES_TASK.startTask(processEngine);
    complete("sam", taskId);

    ResponseEntity<String> again = complete("sarah", taskId);

    assertError(again, HttpStatus.CONFLICT, "task " + taskId + " is already completed");
  }

  @Test
  void sameTaskCompletedTwiceAtOnceIsOneSuccessAndOneConflict() throws Exception {
    String taskId = TestProcess.CONTESTED_TASK.startTask(processEngine);
    TaskRendezvous.arm(2);

    List<ResponseEntity<String>> responses =
        Concurrently.atOnce(() -> complete("sam", taskId), () -> complete("sarah", taskId));

    assertThat(responses).extracting(ResponseEntity::getStatusCode)
        .containsExactlyInAnyOrder(HttpStatus.NO_CONTENT, HttpStatus.CONFLICT);
    ResponseEntity<String> conflict = responses.stream()
        .filter(r -> r.getStatusCode() == HttpStatus.CONFLICT).findFirst().orElseThrow();
    // the loser either collided inside the engine, or (on a slow machine) arrived after the winner's commit
    assertError(conflict, HttpStatus.CONFLICT, "someone else changed this at the same time; reload and try again",
        "task " + taskId + " is already completed");
    assertThat(processEngine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).finished().count())
        .as("completed once, by the winner").isOne();
  }

  /** The loser reads the instance only after the winner's completion ended it. */
  @Test
  void completionThatFindsTheInstanceEndedByTheOtherIsAConflict() throws Exception {
    String taskId = TestProcess.CONTESTED_TASK.startTask(processEngine);
    TaskRendezvous.armInTurn();

    List<ResponseEntity<String>> responses =
        Concurrently.atOnce(() -> complete("sam", taskId), () -> complete("sarah", taskId));

    assertThat(responses).extracting(ResponseEntity::getStatusCode)
        .containsExactlyInAnyOrder(HttpStatus.NO_CONTENT, HttpStatus.CONFLICT);
    assertError(responses.stream().filter(r -> r.getStatusCode() == HttpStatus.CONFLICT).findFirst().orElseThrow(),
        HttpStatus.CONFLICT, "task " + taskId + " is already completed");
  }

  private ResponseEntity<String> complete(String user, String taskId) {
    return http.withBasicAuth(user, user).postForEntity("/api/tasks/{id}/complete", Map.of(), String.class, taskId);
  }

  /** Our API's error body: a problem (RFC 9457) with one of the details given; no stack trace or exception name. */
  private static void assertError(ResponseEntity<String> response, HttpStatus status, String... messages) throws Exception {
    assertThat(response.getStatusCode()).isEqualTo(status);
    JsonNode body = JSON.readTree(response.getBody());
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(body.fieldNames()).toIterable().contains("type", "title", "status", "detail")
        .isSubsetOf("type", "title", "status", "detail", "instance");
    assertThat(body.get("status").asInt()).isEqualTo(status.value());
    assertThat(body.get("title").asText()).isEqualTo(status.getReasonPhrase());
    assertThat(body.get("detail").asText()).isIn((Object[]) messages);
    assertThat(response.getBody()).doesNotContain("Exception", "\tat ", "trace");
  }
}
