package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.OpsflowSpringTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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

  /**
   * A user's list holds the tasks assigned to them and the unassigned ones offered to them (as a
   * candidate user, or to a group of theirs), each once, by due date; not those assigned to
   * someone else, nor those of a group they are not in.
   */
  @Test
  void listHoldsExactlyTheTasksOfferedOrAssignedToTheUserByDueDate() throws Exception {
    TaskService tasks = processEngine.getTaskService();
    String offeredToSales = TestProcess.SALES_TASK.startTask(processEngine);
    String assignedToSam = TestProcess.SALES_TASK.startTask(processEngine);
    String assignedToSarah = TestProcess.SALES_TASK.startTask(processEngine);
    String offeredToWendy = TestProcess.SALES_TASK.startTask(processEngine);
    tasks.setAssignee(assignedToSam, "sam");
    tasks.setAssignee(assignedToSarah, "sarah");
    tasks.addCandidateUser(offeredToWendy, "wendy");
    Instant now = Instant.now();
    due(offeredToSales, now.plus(2, ChronoUnit.DAYS));
    due(assignedToSam, now.plus(1, ChronoUnit.DAYS));
    due(assignedToSarah, now.plus(3, ChronoUnit.DAYS));
    due(offeredToWendy, now.plus(4, ChronoUnit.DAYS));
    List<String> ours = List.of(offeredToSales, assignedToSam, assignedToSarah, offeredToWendy);

    assertThat(listedOf("sam", ours)).containsExactly(assignedToSam, offeredToSales, offeredToWendy);
    assertThat(listedOf("sarah", ours)).containsExactly(offeredToSales, assignedToSarah, offeredToWendy);
    assertThat(listedOf("wendy", ours)).containsExactly(offeredToWendy);
  }

  private void due(String taskId, Instant due) {
    Task task = processEngine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    task.setDueDate(Date.from(due));
    processEngine.getTaskService().saveTask(task);
  }

  /** The ids of {@code ours} in the user's task list (other tests' tasks share the database), in its order. */
  private List<String> listedOf(String user, List<String> ours) throws Exception {
    ResponseEntity<String> response = http.withBasicAuth(user, user).getForEntity("/api/tasks", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> listed = new ArrayList<>();
    JSON.readTree(response.getBody()).forEach(task -> listed.add(task.get("id").asText()));
    return listed.stream().filter(ours::contains).toList();
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
