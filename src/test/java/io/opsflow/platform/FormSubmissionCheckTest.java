package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

@OpsflowSpringTest
class FormSubmissionCheckTest {

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  Task task;

  @BeforeEach
  void startProcessWaitingAtFormTask() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("Process_FormCheck").count() == 0) {
      repositoryService.createDeployment().name("form-check")
          .addClasspathResource("platform/form-check.bpmn").addClasspathResource("platform/ship-parcel.form").deploy();
    }
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("Process_FormCheck");
    task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  @Test
  void missingAndWrongTypedFieldsAreRefusedAndTheTaskStaysOpen() {
    ResponseEntity<ProblemDetail> response = complete(Map.of("carrier", "Pigeon", "parcels", "two"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().getDetail())
        .contains("'carrier' (Carrier) must be one of")
        .contains("'trackingNumber' (Tracking number) is required")
        .contains("'parcels' (Parcels) must be a number")
        .doesNotContain("'note'");
    assertThat(((List<?>) response.getBody().getProperties().get(Problems.INVALID_PARAMS)).stream()
        .map(param -> String.valueOf(((Map<?, ?>) param).get("name"))).toList())
        .containsExactlyInAnyOrder("carrier", "trackingNumber", "parcels");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }

  @Test
  void valuesOutsideTheLimitsAreRefused() {
    ResponseEntity<ProblemDetail> response = complete(Map.of("carrier", "DHL", "trackingNumber", "12", "parcels", 0));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().getDetail())
        .contains("'trackingNumber' (Tracking number) must have at least 6 characters")
        .contains("'parcels' (Parcels) must be at least 1");
  }

  @Test
  void aCompleteSubmissionCompletesTheTask() {
    ResponseEntity<ProblemDetail> response = complete(Map.of("carrier", "UPS", "trackingNumber", "1Z999AA1", "parcels", 2));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
  }

  @Test
  void theEngineRestApiRefusesABadSubmissionToo() {
    ResponseEntity<String> response = http.withBasicAuth("wendy", "wendy").postForEntity(
        "/engine-rest/task/{id}/submit-form", Map.of("variables", Map.of("carrier", Map.of("value", "DHL"))),
        String.class, task.getId());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("'trackingNumber' (Tracking number) is required");
  }

  @Test
  void aBadStartFormSubmissionStartsNothing() {
    long instancesBefore = instances();

    ResponseEntity<String> response = submitStartForm(Map.of("carrier", Map.of("value", "DHL"),
        "parcels", Map.of("value", "two")));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("of process 'Form check' is not filled in correctly")
        .contains("'trackingNumber' (Tracking number) is required").contains("'parcels' (Parcels) must be a number");
    assertThat(instances()).isEqualTo(instancesBefore);
  }

  @Test
  void aCompleteStartFormStartsTheProcess() {
    long instancesBefore = instances();

    ResponseEntity<String> response = submitStartForm(Map.of("carrier", Map.of("value", "UPS"),
        "trackingNumber", Map.of("value", "1Z999AA1"), "parcels", Map.of("value", 1, "type", "Long")));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(instances()).isEqualTo(instancesBefore + 1);
  }

  private ResponseEntity<String> submitStartForm(Map<String, Object> variables) {
    return http.withBasicAuth("admin", "admin").postForEntity(
        "/engine-rest/process-definition/key/Process_FormCheck/submit-form", Map.of("variables", variables),
        String.class);
  }

  private long instances() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("Process_FormCheck").count();
  }

  private ResponseEntity<ProblemDetail> complete(Map<String, Object> variables) {
    return http.withBasicAuth("wendy", "wendy")
        .postForEntity("/api/tasks/{id}/complete", variables, ProblemDetail.class, task.getId());
  }
}
