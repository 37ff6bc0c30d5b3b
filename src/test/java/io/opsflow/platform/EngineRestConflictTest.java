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

/** The engine's own REST API answers a lost race with 409, as Tasklist's users need to understand it. */
@OpsflowSpringTest
class EngineRestConflictTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  ProcessEngine processEngine;

  @AfterEach
  void disarmRendezvous() {
    CompletionRendezvous.disarm();
  }

  @Test
  void sameTaskCompletedTwiceAtOnceIsOneSuccessAndOneConflict() throws Exception {
    String taskId = TestProcess.CONTESTED_TASK.startTask(processEngine);
    CompletionRendezvous.arm(2);

    List<ResponseEntity<String>> responses = Concurrently.twice(() -> http.withBasicAuth("sam", "sam")
        .postForEntity("/engine-rest/engine/{engine}/task/{id}/complete", Map.of(), String.class, processEngine.getName(),
            taskId));

    assertThat(responses).extracting(ResponseEntity::getStatusCode)
        .containsExactlyInAnyOrder(HttpStatus.NO_CONTENT, HttpStatus.CONFLICT);
    ResponseEntity<String> conflict = responses.stream()
        .filter(r -> r.getStatusCode() == HttpStatus.CONFLICT).findFirst().orElseThrow();
    assertThat(conflict.getBody()).contains("\"type\":\"OptimisticLockingException\"").doesNotContain("\tat ");
  }
}
