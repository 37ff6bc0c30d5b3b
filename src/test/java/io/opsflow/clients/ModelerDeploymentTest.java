package io.opsflow.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.OpsflowSpringTest;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A designer deploys from Camunda Modeler to {@code /engine-rest}, as Modeler really sends it. */
@OpsflowSpringTest
class ModelerDeploymentTest {

  private static final String DIAGRAM = "clients/send-sample.bpmn";
  private static final String FORM = "clients/send-sample.form";
  private static final String PROCESS = "Process_SendSample";

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repositoryService;
  @Autowired TaskService taskService;

  private CamundaModeler modelerOf(String user) {
    return new CamundaModeler(http, user, user);
  }

  @Test
  void theConnectionCheckPassesWithCredentialsOnly() {
    ResponseEntity<String> anonymous = http.getForEntity("/engine-rest/deployment?maxResults=0", String.class);
    ResponseEntity<String> admin = modelerOf("admin").checkConnection();

    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(admin.getBody()).isEqualTo("[]");
  }

  @Test
  void aDesignerDeploysTheDiagramWithItsFormAndStartsAnInstance() {
    CamundaModeler modeler = modelerOf("admin");
    assertThat(modeler.checkConnection().getStatusCode()).isEqualTo(HttpStatus.OK);

    ResponseEntity<JsonNode> deployment = modeler.deploy("send-sample", DIAGRAM, FORM);

    assertThat(deployment.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(deployment.getBody().get("source").asText()).isEqualTo("Camunda Modeler");
    assertThat(repositoryService.getDeploymentResourceNames(deployment.getBody().get("id").asText()))
        .containsExactlyInAnyOrder("send-sample.bpmn", "send-sample.form");
    JsonNode definition = deployment.getBody().get("deployedProcessDefinitions").elements().next();
    assertThat(definition.get("key").asText()).isEqualTo(PROCESS);

    String businessKey = "modeler-" + UUID.randomUUID();
    ResponseEntity<JsonNode> instance = modeler.startInstance(definition.get("id").asText(), businessKey);

    assertThat(instance.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(instance.getBody().get("businessKey").asText()).isEqualTo(businessKey);
    Task task = taskService.createTaskQuery().processInstanceId(instance.getBody().get("id").asText()).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_SendSample");
    // the attached form is the one Tasklist shows to the warehouse for the task
    ResponseEntity<JsonNode> form = http.withBasicAuth("wendy", "wendy")
        .getForEntity("/engine-rest/task/{id}/deployed-form", JsonNode.class, task.getId());
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(form.getBody().get("id").asText()).isEqualTo("send-sample");
  }

  @Test
  void deployingTheSameFilesAgainCreatesNoNewVersion() {
    CamundaModeler modeler = modelerOf("admin");
    ResponseEntity<JsonNode> first = modeler.deploy("send-sample-again", DIAGRAM, FORM);
    long versions = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count();

    ResponseEntity<JsonNode> again = modeler.deploy("send-sample-again", DIAGRAM, FORM);

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody().get("id")).isEqualTo(first.getBody().get("id"));
    assertThat(again.getBody().get("deployedProcessDefinitions").isNull()).isTrue();
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count()).isEqualTo(versions);
  }

  @Test
  void anEmployeeMayNotDeploy() {
    long deployments = repositoryService.createDeploymentQuery().count();

    ResponseEntity<JsonNode> response = modelerOf("wendy").deploy("send-sample-by-wendy", DIAGRAM, FORM);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getBody().get("message").asText())
        .startsWith("POST /deployment/create is for administrators");
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void aDiagramDeployedWithoutItsFormIsRefusedNamingTheTask() {
    ResponseEntity<JsonNode> response = modelerOf("admin").deploy("send-sample-without-form", DIAGRAM);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    // Modeler writes the message into its log panel
    assertThat(response.getBody().get("message").asText()).isEqualTo("Model not deployable: send-sample.bpmn: "
        + "element 'Task_SendSample': camunda:formRef 'send-sample' names no form in this deployment");
    assertThat(repositoryService.createDeploymentQuery().deploymentName("send-sample-without-form").count()).isZero();
  }
}
