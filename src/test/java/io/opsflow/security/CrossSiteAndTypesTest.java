package io.opsflow.security;

import static io.opsflow.security.Hostile.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.OpsflowSpringTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Requests another site's page could send with the browser's cached Basic credentials change
 * nothing; and no variable makes the engine instantiate a class outside its allow-list.
 */
@OpsflowSpringTest
class CrossSiteAndTypesTest {

  @Autowired TestRestTemplate http;
  @Autowired TaskService taskService;

  @RegisterExtension final Hostile hostile = new Hostile();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"})
  void aCrossSiteFormCannotCancelAnOrder(String contentType) {
    JsonNode order = hostile.orderToPick();
    HttpHeaders form = new HttpHeaders();
    form.set(HttpHeaders.CONTENT_TYPE, contentType);
    form.set(HttpHeaders.ORIGIN, "https://evil.example");

    ResponseEntity<JsonNode> response = http.withBasicAuth("sam", "sam").postForEntity(
        "/api/orders/" + order.get("id").asLong() + "/cancel", new HttpEntity<>("", form), JsonNode.class);

    assertRefused(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send JSON");
    assertThat(hostile.order(order.get("id").asLong()).get("status").asText()).isEqualTo("PICKING");
  }

  @Test
  void aBodylessWriteNeedsAHeaderNoOtherSiteCanSet() {
    JsonNode order = hostile.orderToPick();
    String cancel = "/api/orders/" + order.get("id").asLong() + "/cancel";

    ResponseEntity<JsonNode> response = http.withBasicAuth("sam", "sam").postForEntity(cancel, null, JsonNode.class);

    assertRefused(response, HttpStatus.FORBIDDEN, "needs the header X-Requested-With");
    assertThat(hostile.order(order.get("id").asLong()).get("status").asText()).isEqualTo("PICKING");
    HttpHeaders script = new HttpHeaders();
    script.set("X-Requested-With", "curl");
    assertThat(http.withBasicAuth("sam", "sam").postForEntity(cancel, new HttpEntity<>(script), JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aCrossSiteFormCannotWriteToTheEngineRestApi() {
    Task task = pickAndPack();
    HttpHeaders form = new HttpHeaders();
    form.setContentType(MediaType.MULTIPART_FORM_DATA);
    form.set(HttpHeaders.ORIGIN, "https://evil.example");
    form.set("Sec-Fetch-Site", "cross-site");

    ResponseEntity<JsonNode> response = http.withBasicAuth("wendy", "wendy").postForEntity(
        "/engine-rest/task/" + task.getId() + "/claim", new HttpEntity<>(new LinkedMultiValueMap<>(Map.of("userId",
            List.of("wendy"))), form), JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ian", "admin"})
  void aVariableOfAnyJavaClassIsRefused(String user) {
    Task task = pickAndPack();
    Map<String, Object> counter = Map.of("value", "1", "type", "Object", "valueInfo", Map.of(
        "objectTypeName", "java.util.concurrent.atomic.AtomicInteger", "serializationDataFormat", "application/json"));

    assertRefused(hostile.post(user, "/engine-rest/task/" + task.getId() + "/submit-form",
        Map.of("variables", Map.of("itemsMissing", counter))), HttpStatus.BAD_REQUEST,
        "variable 'itemsMissing': type java.util.concurrent.atomic.AtomicInteger is not allowed");
    assertRefused(hostile.post(user, "/engine-rest/task/" + task.getId() + "/variables",
        Map.of("modifications", Map.of("itemsMissing", Map.of("value", "[1]", "type", "Object", "valueInfo", Map.of(
            "objectTypeName", "java.util.ArrayList<java.util.concurrent.atomic.AtomicInteger>",
            "serializationDataFormat", "application/json"))))), HttpStatus.BAD_REQUEST, "is not allowed");

    assertThat(taskService.getVariables(task.getId())).doesNotContainKey("itemsMissing");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
  }

  private Task pickAndPack() {
    JsonNode order = hostile.orderToPick();
    return taskService.createTaskQuery().processInstanceId(order.get("processInstanceId").asText()).singleResult();
  }
}
