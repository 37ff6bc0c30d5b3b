package io.opsflow.platform;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.OpsflowSpringTest;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.IntermediateCatchEventBuilder;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Deploy-time validation as a designer meets it: deploying from Camunda Modeler to the REST API. */
@OpsflowSpringTest
class DeploymentValidationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  TestRestTemplate http;
  @Autowired
  ProcessEngine processEngine;

  @Test
  void formRefToUndeployedFormIsRefused() throws Exception {
    BpmnModelInstance model = Bpmn.createExecutableProcess("Process_ValidationMissingForm").startEvent()
        .userTask("Task_FillMissingForm").camundaCandidateGroups("sales")
        .camundaFormRef("Form_NeverDeployed").camundaFormRefBinding("deployment")
        .endEvent().done();

    assertRefused("missing-form.bpmn", model, "Task_FillMissingForm", "Form_NeverDeployed");
  }

  @Test
  void userTaskWithoutAssigneeOrCandidatesIsRefused() throws Exception {
    BpmnModelInstance model = Bpmn.createExecutableProcess("Process_ValidationNobodysTask").startEvent()
        .userTask("Task_NobodysJob").endEvent().done();

    assertRefused("nobodys-task.bpmn", model, "Task_NobodysJob", "neither an assignee nor a candidate");
  }

  @Test
  void processWithoutHistoryTimeToLiveIsRefused() throws Exception {
    BpmnModelInstance model = Bpmn.createExecutableProcess("Process_ValidationNoTimeToLive").startEvent()
        .userTask("Task_KeepForever").camundaCandidateGroups("sales").endEvent().done();
    model.<Process>getModelElementById("Process_ValidationNoTimeToLive").setCamundaHistoryTimeToLiveString(null);

    assertRefused("no-ttl.bpmn", model, "Process_ValidationNoTimeToLive", "historyTimeToLive");
  }

  @ParameterizedTest
  @CsvSource({"timeDuration, P1X", "timeCycle, every other blue moon", "timeDate, next tuesday"})
  void unparsableTimerIsRefused(String kind, String expression) throws Exception {
    IntermediateCatchEventBuilder timer = Bpmn.createExecutableProcess("Process_ValidationBadTimer").startEvent()
        .intermediateCatchEvent("Timer_Unparsable");
    BpmnModelInstance model = (switch (kind) {
      case "timeDuration" -> timer.timerWithDuration(expression);
      case "timeCycle" -> timer.timerWithCycle(expression);
      default -> timer.timerWithDate(expression);
    }).endEvent().done();

    assertRefused("bad-timer.bpmn", model, "Timer_Unparsable", kind + " '" + expression + "' does not parse");
  }

  @Test
  void aWorkingCycleThatDoesNotParseIsRefusedNamingTheRule() throws Exception {
    BpmnModelInstance model = Bpmn.createExecutableProcess("Process_ValidationBadCycle").camundaHistoryTimeToLive(1)
        .startEvent("Timer_EveryMonday").timerWithCycle("working: weekly MONTAG 09:00").endEvent().done();

    assertRefused("bad-cycle.bpmn", model, "Timer_EveryMonday", "MONTAG is no day of the week such as MONDAY");
  }

  @Test
  void malformedXmlIsRefused() throws Exception {
    String truncated = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
          <process id="Process_ValidationMalformed" isExecutable="true">
            <startEvent id="StartEvent_Begun">
          </process>
        </definitions>
        """;

    assertRefused("malformed.bpmn", truncated.getBytes(UTF_8), null, "malformed XML", "line 5");
  }

  @Test
  void externalEntityIsRefusedUnread() throws Exception {
    String xxe = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE definitions [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="Process_ValidationXxe" name="&secret;" isExecutable="true" camunda:historyTimeToLive="P1D">
            <startEvent id="StartEvent_Begun" name="&secret;" />
          </process>
        </definitions>
        """;

    ResponseEntity<String> response = assertRefused("xxe.bpmn", xxe.getBytes(UTF_8), null, "DOCTYPE is not allowed");

    assertThat(response.getBody()).doesNotContain("root:", "/bin/");
  }

  @Test
  void entityExpansionIsRefused() throws Exception {
    StringBuilder laughs = new StringBuilder("<!ENTITY lol0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
    }
    String billionLaughs = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE definitions [%s]>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
          <process id="Process_ValidationLaughs" name="&lol9;" isExecutable="true" />
        </definitions>
        """.formatted(laughs);

    ResponseEntity<String> response =
        assertRefused("laughs.bpmn", billionLaughs.getBytes(UTF_8), null, "DOCTYPE is not allowed");

    assertThat(response.getBody()).doesNotContain("lollol");
  }

  @Test
  void modelWithFormAttachmentIsDeployedAndItsFormResolves() throws Exception {
    BpmnModelInstance model = Bpmn.createExecutableProcess("Process_ValidationGood").startEvent()
        .userTask("Task_ReviewOffer").camundaCandidateGroups("sales")
        .camundaFormRef("Form_ValidationReview").camundaFormRefBinding("deployment")
        .endEvent().done();
    String form = """
        {"id": "Form_ValidationReview", "type": "default", "schemaVersion": 16,
         "executionPlatform": "Camunda Platform", "executionPlatformVersion": "7.24.0",
         "components": [{"key": "approved", "label": "Approved", "type": "checkbox"}]}""";

    ResponseEntity<String> response = ModelerDeployment.deploy(http, "admin", "validation-good", Map.of(
        "good.bpmn", Bpmn.convertToString(model).getBytes(UTF_8), "review.form", form.getBytes(UTF_8)));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    String instanceId = processEngine.getRuntimeService().startProcessInstanceByKey("Process_ValidationGood").getId();
    String taskId = processEngine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    ResponseEntity<String> deployedForm = http.withBasicAuth("admin", "admin")
        .getForEntity("/engine-rest/task/{id}/deployed-form", String.class, taskId);
    assertThat(deployedForm.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(deployedForm.getBody()).contains("Form_ValidationReview");
  }

  /**
   * Deploys one file as Modeler does and asserts the refusal: 400, a message naming the file and
   * what is wrong, the element in the details Modeler shows, and no deployment created.
   */
  private ResponseEntity<String> assertRefused(String fileName, byte[] content, String elementId, String... expected)
      throws Exception {
    String deploymentName = "validation-" + fileName;
    ResponseEntity<String> response = ModelerDeployment.deploy(http, "admin", deploymentName, Map.of(fileName, content));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode body = JSON.readTree(response.getBody());
    assertThat(body.path("message").asText()).contains(fileName).contains(expected);
    if (elementId != null) {
      assertThat(response.getBody()).contains(elementId);
      assertThat(body.path("details").path(fileName).path("errors").findValuesAsText("mainElementId"))
          .contains(elementId);
    }
    assertThat(processEngine.getRepositoryService().createDeploymentQuery().deploymentName(deploymentName).count())
        .isZero();
    return response;
  }

  private ResponseEntity<String> assertRefused(String fileName, BpmnModelInstance model, String elementId,
      String... expected) throws Exception {
    return assertRefused(fileName, Bpmn.convertToString(model).getBytes(UTF_8), elementId, expected);
  }
}
