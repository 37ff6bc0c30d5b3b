package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The engine's REST API answers the loser of a race for a task with 409, where Camunda answers 500. */
@OpsflowSpringTest
class EngineRestConflictTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  ProcessEngine processEngine;

  @AfterEach
  void disarmRendezvous() {
    TaskRendezvous.disarm();
  }

  /** Camunda's task resource wraps the engine's exception; completing answers 500 without our mapper. */
  @Test
  void sameTaskCompletedTwiceAtOnceIsOneSuccessAndOneConflict() throws Exception {
    String taskId = TestProcess.CONTESTED_TASK.startTask(processEngine);
    TaskRendezvous.arm(2);

    assertOneSuccessAndOneConflict(Concurrently.atOnce(
        () -> post("sam", taskId, "complete", Map.of()), () -> post("sarah", taskId, "complete", Map.of())));
  }

  /**
   * The loser reads the instance only after the winner's completion ended it: the engine finds no
   * executions left instead of an optimistic-locking conflict; still a conflict for the client.
   */
  @Test
  void completionThatFindsTheInstanceEndedByTheOtherIsAConflict() throws Exception {
    String taskId = TestProcess.CONTESTED_TASK.startTask(processEngine);
    TaskRendezvous.armInTurn();

    assertOneSuccessAndOneConflict(Concurrently.atOnce(
        () -> post("sam", taskId, "complete", Map.of()), () -> post("sarah", taskId, "complete", Map.of())));
  }

  /** Claiming lets the engine's exception through unwrapped. */
  @Test
  void sameTaskClaimedTwiceAtOnceIsOneSuccessAndOneConflict() throws Exception {
    String taskId = TestProcess.CONTESTED_TASK.startTask(processEngine);
    TaskRendezvous.arm(2);

    assertOneSuccessAndOneConflict(Concurrently.atOnce(
        () -> post("sam", taskId, "claim", Map.of("userId", "sam")),
        () -> post("sarah", taskId, "claim", Map.of("userId", "sarah"))));
  }

  private ResponseEntity<String> post(String user, String taskId, String action, Map<String, String> body) {
    return http.withBasicAuth(user, user).postForEntity("/engine-rest/task/{id}/{action}", body, String.class,
        taskId, action);
  }

  private static void assertOneSuccessAndOneConflict(List<ResponseEntity<String>> responses) {
    assertThat(responses).extracting(ResponseEntity::getStatusCode)
        .containsExactlyInAnyOrder(HttpStatus.NO_CONTENT, HttpStatus.CONFLICT);
    ResponseEntity<String> conflict = responses.stream()
        .filter(response -> response.getStatusCode() == HttpStatus.CONFLICT).findFirst().orElseThrow();
    assertThat(conflict.getBody()).contains("\"type\":\"OptimisticLockingException\"", "\"code\":1")
        .doesNotContain("\tat ");
  }
}
