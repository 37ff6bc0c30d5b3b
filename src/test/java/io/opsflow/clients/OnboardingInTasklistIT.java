package io.opsflow.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.OpsflowSpringTest;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** HR starts an onboarding from Tasklist; IT, facilities and HR find their preparation work there. */
@OpsflowSpringTest
class OnboardingInTasklistIT {

  @RegisterExtension
  static final Browser browser = new Browser();

  @Autowired TestRestTemplate http;
  @Autowired TaskService taskService;

  @Test
  void hrStartsAnOnboardingFromTasklist() {
    String name = "Grace Hopper " + UUID.randomUUID().toString().substring(0, 8);
    LocalDate startDate = OpsflowApi.mondayInAWeek();
    Tasklist tasklist = new Tasklist(browser);

    tasklist.logIn("hugo");
    tasklist.startProcess("Employee onboarding")
        .type("Name", name).type("Private e-mail", "grace@example.com").type("Role", "developer")
        .select("Department", "IT").type("Manager", "irene").date("Start date", startDate);
    tasklist.start();

    JsonNode hire = new OpsflowApi(http).hireNamed("hugo", name);
    assertThat(hire.get("startDate").asText()).isEqualTo(startDate.toString());
    Map<String, Task> preparation = taskService.createTaskQuery().processInstanceId(hire.get("processInstanceId").asText())
        .list().stream().collect(Collectors.toMap(Task::getName, task -> task, (first, second) -> first));
    assertThat(preparation.values()).extracting(this::candidateGroup).containsOnly("it", "facilities", "hr");
    assertThat(preparation).containsOnlyKeys("Create accounts", "Prepare laptop and equipment", "Prepare workplace",
        "Collect signed contract and documents");

    findsInMyGroupTasks(tasklist, preparation.get("Collect signed contract and documents"));
    tasklist.logOut();
    tasklist.logIn("ian");
    findsInMyGroupTasks(tasklist, preparation.get("Create accounts"));
    tasklist.logOut();
    tasklist.logIn("felix");
    findsInMyGroupTasks(tasklist, preparation.get("Prepare workplace"));
  }

  private static void findsInMyGroupTasks(Tasklist tasklist, Task task) {
    tasklist.openFilter("My group tasks");
    tasklist.openTask(task.getName(), task.getId());
  }

  private String candidateGroup(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(group -> group != null).findFirst().orElseThrow();
  }
}
