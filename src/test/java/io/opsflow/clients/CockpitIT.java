package io.opsflow.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

@OpsflowSpringTest
class CockpitIT {

  @RegisterExtension
  static final Browser browser = new Browser();

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;

  @Test
  void oliviaSeesTheRunningInstancesWithTheirDiagram() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("Process_SendSample").count() == 0) {
      repositoryService.createDeployment().name("send-sample")
          .addClasspathResource("clients/send-sample.bpmn").addClasspathResource("clients/send-sample.form").deploy();
    }
    runtimeService.startProcessInstanceByKey("Process_SendSample");
    runtimeService.startProcessInstanceByKey("Process_SendSample");
    long running = runtimeService.createProcessInstanceQuery().processDefinitionKey("Process_SendSample").count();

    Cockpit cockpit = new Cockpit(browser);
    cockpit.logIn("olivia");

    assertThat(cockpit.processes()).containsEntry("Process_SendSample", (int) running);
    cockpit.openProcess("Process_SendSample");
    assertThat(cockpit.diagramShows("Task_SendSample")).isTrue();
    assertThat(cockpit.instancesAt("Task_SendSample")).isEqualTo(running);
  }

  @Test
  void wendyCannotOpenAdmin() {
    CamundaLogin login = new CamundaLogin(browser);
    login.logIn("/camunda/app/admin/default/", "wendy");

    assertThat(login.refusal()).contains("missing access rights to application");
  }
}
