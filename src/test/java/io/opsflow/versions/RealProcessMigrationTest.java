package io.opsflow.versions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.DueJobs;
import io.opsflow.OpsflowSpringTest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Each real process in two more versions: one where its steps are gone (renamed without a mapping),
 * where the dry run keeps its running instances where they are, and one where the steps are renamed
 * with a mapping file, to which they migrate keeping task ids, assignees, due dates, SLA timers and
 * the link of their order, hire or change. Afterwards the original is deployed again as the newest.
 */
@OpsflowSpringTest
class RealProcessMigrationTest {

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;

  RealProcessVersions versions;
  String restore;

  @AfterEach
  void originalIsNewestAgain() {
    versions.restore(restore);
  }

  @Test
  void anOrderWaitingInPickAndPackMigratesToTheRenamedStepAndShipsFromThere() {
    JsonNode order = post("sam", "/api/orders", Map.of("customerName", "Ada Lovelace Ltd",
        "customerEmail", "buyer-" + UUID.randomUUID() + "@example.com",
        "lines", List.of(Map.of("sku", "CABLE-USBC", "quantity", 1))));
    String instanceId = order.get("processInstanceId").asText();
    DueJobs.run(engine.getManagementService(), instanceId);
    Task packing = onlyTask(instanceId);
    engine.getTaskService().setAssignee(packing.getId(), "wendy");

    migrateBothWays("order-fulfillment", "Process_OrderFulfillment", instanceId);

    Task renamed = onlyTask(instanceId);
    assertThat(renamed.getTaskDefinitionKey()).isEqualTo("Task_PickAndPackOrderRenamed");
    assertThat(renamed.getId()).isEqualTo(packing.getId());
    assertThat(renamed.getAssignee()).isEqualTo("wendy");
    assertThat(get("sam", "/api/orders/" + order.get("id").asLong()).get("processInstanceId").asText())
        .isEqualTo(instanceId);
    ResponseEntity<String> done = http.withBasicAuth("wendy", "wendy")
        .postForEntity("/api/tasks/{id}/complete", Map.of("itemsMissing", false), String.class, renamed.getId());
    assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(onlyTask(instanceId).getTaskDefinitionKey()).isEqualTo("Task_ShipOrderRenamed");
    assertThat(get("sam", "/api/orders/" + order.get("id").asLong()).get("status").asText()).isEqualTo("SHIPPING");
  }

  @Test
  void anOnboardingInPreparationMigratesWithItsParallelAndMultiInstanceSteps() {
    LocalDate start = LocalDate.now().plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    JsonNode hire = post("hugo", "/api/hires", Map.of("name", "Grace Hopper " + UUID.randomUUID().toString()
        .substring(0, 8), "email", "hire-" + UUID.randomUUID() + "@example.com", "role", "developer",
        "department", "it", "managerId", "irene", "startDate", start.toString()));
    String instanceId = hire.get("processInstanceId").asText();
    DueJobs.run(engine.getManagementService(), instanceId);
    Map<String, String> taskKeys = tasks(instanceId).stream()
        .collect(Collectors.toMap(Task::getId, Task::getTaskDefinitionKey));

    migrateBothWays("employee-onboarding", "Process_EmployeeOnboarding", instanceId);

    assertThat(tasks(instanceId)).hasSameSizeAs(taskKeys.keySet()).allSatisfy(task ->
        assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKeys.get(task.getId()) + "Renamed"));
    assertThat(get("hugo", "/api/hires/" + hire.get("id").asLong()).get("processInstanceId").asText())
        .isEqualTo(instanceId);
  }

  @Test
  void aChangeMigratesWithItsTasksAndTimers() {
    JsonNode change = post("sam", "/api/changes", Map.of("title", "New break schedule " + UUID.randomUUID(),
        "description", "Breaks at fixed times", "owner", "sam", "affectedTeams", List.of("sales"), "impact", "low",
        "urgency", "low", "plannedRolloutDate", LocalDate.now().plusDays(30).toString(),
        "rollbackPlan", "Go back to the old schedule"));
    String instanceId = change.get("processInstanceId").asText();
    DueJobs.run(engine.getManagementService(), instanceId);
    Map<String, String> taskKeys = tasks(instanceId).stream()
        .collect(Collectors.toMap(Task::getId, Task::getTaskDefinitionKey));
    Map<String, Date> timers = timers(instanceId);

    restore = "change-rollout.bpmn";
    versions = new RealProcessVersions(engine.getRepositoryService());
    versions.deployRenamed(restore, "change-rollout-renamed.bpmn");
    migrate("Process_ChangeRollout");

    assertThat(newest("Process_ChangeRollout")).isEqualTo(definitionOf(instanceId));
    assertThat(tasks(instanceId)).hasSameSizeAs(taskKeys.keySet()).allSatisfy(task ->
        assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKeys.get(task.getId()) + "Renamed"));
    assertThat(timers(instanceId)).isEqualTo(timers);
    assertThat(get("sam", "/api/changes/" + change.get("id").asLong()).get("processInstanceId").asText())
        .isEqualTo(instanceId);
  }

  /**
   * A version without the instance's steps: the dry run blocks the instance naming one of the steps it
   * waits in (a parallel onboarding waits in several; any one explains the block); then a
   * version with the steps renamed and mapped: the instance migrates there, its SLA timers with
   * their due dates.
   */
  private void migrateBothWays(String process, String key, String instanceId) {
    Map<String, Date> timers = timers(instanceId);
    List<String> waitingIn = tasks(instanceId).stream().map(task -> "waits in step '" + task.getName() + "'")
        .toList();
    restore = process + ".bpmn";
    versions = new RealProcessVersions(engine.getRepositoryService());
    versions.deployRenamed(restore, process + "-without-mapping.bpmn");

    JsonNode dryRun = post("admin", "/api/processes/" + key + "/migration?dryRun=true", Map.of());

    assertThat(dryRun.get("blocked").findParents("instanceId")).filteredOn(b -> b.get("instanceId").asText()
        .equals(instanceId)).singleElement().satisfies(blocked -> assertThat(blocked.get("reason").asText())
        .contains(" no longer has; map it to a step in " + process + "-without-mapping.migration.yml")
        .satisfies(reason -> assertThat(waitingIn).anyMatch(reason::startsWith)));

    versions.deployRenamed(restore, process + "-renamed.bpmn");
    migrate(key);

    assertThat(definitionOf(instanceId)).isEqualTo(newest(key));
    assertThat(timers(instanceId)).isEqualTo(timers).isNotEmpty();
  }

  private void migrate(String key) {
    JsonNode migrated = post("admin", "/api/processes/" + key + "/migration", Map.of("reason", "Steps renamed"));
    assertThat(migrated.get("migrated").asInt()).isPositive();
  }

  private List<Task> tasks(String instanceId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instanceId).list();
  }

  private Task onlyTask(String instanceId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
  }

  /** Due date per timer job id. */
  private Map<String, Date> timers(String instanceId) {
    return engine.getManagementService().createJobQuery().processInstanceId(instanceId).timers().list().stream()
        .collect(Collectors.toMap(Job::getId, Job::getDuedate));
  }

  private String definitionOf(String instanceId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getProcessDefinitionId();
  }

  private String newest(String key) {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult().getId();
  }

  private JsonNode post(String user, String path, Object body) {
    ResponseEntity<JsonNode> response = http.withBasicAuth(user, user).postForEntity(path, body, JsonNode.class);
    assertThat(response.getStatusCode().is2xxSuccessful()).as("%s", response.getBody()).isTrue();
    return response.getBody();
  }

  private JsonNode get(String user, String path) {
    return http.withBasicAuth(user, user).getForObject(path, JsonNode.class);
  }
}
