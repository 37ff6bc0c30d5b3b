package io.opsflow.versions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.DueJobs;
import io.opsflow.OpsflowSpringTest;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Dry run and migration of the parcel test process from version 1 to 2, through the API as an administrator. */
@OpsflowSpringTest
class ParcelMigrationTest {

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired HistoryService historyService;

  Parcels parcels;
  String checking;
  String checkingCredit;
  String packing;
  String beforeBooking;

  @BeforeEach
  void parcelsInEveryKindOfStep() {
    parcels = new Parcels(engine).deploy(Parcels.V1);
    checking = parcels.waitingAt("Task_CheckOrder");
    checkingCredit = parcels.waitingAt("Task_CheckCredit");
    packing = parcels.waitingAt("Task_PackOrder");
    beforeBooking = parcels.start(true);
    parcels.deploy(Parcels.V2);
  }

  @Test
  void theDryRunSaysExactlyWhatWouldHappenAndChangesNothing() {
    JsonNode dryRun = post("/api/processes/{key}/migration?dryRun=true", Map.of()).getBody();

    assertThat(dryRun.get("fromVersions")).hasToString("[1]");
    assertThat(dryRun.get("toVersion").asInt()).isEqualTo(2);
    assertThat(dryRun.get("instances").asInt()).isEqualTo(4);
    assertThat(dryRun.get("migratable").asInt()).isEqualTo(3);
    assertThat(dryRun.get("blocked")).singleElement().satisfies(blocked -> {
      assertThat(blocked.get("instanceId").asText()).isEqualTo(checkingCredit);
      assertThat(blocked.get("businessKey").asText()).startsWith("parcel-");
      assertThat(blocked.get("activityId").asText()).isEqualTo("Task_CheckCredit");
      assertThat(blocked.get("reason").asText()).isEqualTo("waits in step 'Check credit', which version 2 no longer"
          + " has; map it to a step in parcel.migration.yml or move the instance");
    });
    assertThat(dryRun.has("migrated")).isFalse();
    assertThat(java.util.List.of(checking, checkingCredit, packing, beforeBooking)).allSatisfy(id ->
        assertThat(parcels.versionOf(id)).isEqualTo(1));
  }

  @Test
  void theMigrationMovesTheMigratableInstancesAndKeepsAssigneeDueDateCommentsAndTimers() {
    Task pack = parcels.task(packing);
    engine.getTaskService().setAssignee(pack.getId(), "wendy");
    engine.getTaskService().createComment(pack.getId(), packing, "Fragile: use the big box");
    Job reminder = parcels.timer(packing);

    ResponseEntity<JsonNode> response = post("/api/processes/{key}/migration", Map.of("reason", "Credit checks end"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody().get("migrated").asInt()).isEqualTo(3);
    assertThat(response.getBody().get("batches")).isEmpty();
    assertThat(parcels.versionOf(checking)).isEqualTo(2);
    assertThat(parcels.versionOf(beforeBooking)).isEqualTo(2);
    assertThat(parcels.versionOf(packing)).isEqualTo(2);
    Task picked = parcels.task(packing);
    assertThat(picked.getId()).isEqualTo(pack.getId());
    assertThat(picked.getTaskDefinitionKey()).isEqualTo("Task_PickAndPack");
    assertThat(picked.getAssignee()).isEqualTo("wendy");
    assertThat(picked.getDueDate()).isEqualTo(pack.getDueDate());
    assertThat(engine.getTaskService().getTaskComments(picked.getId())).singleElement()
        .satisfies(comment -> assertThat(comment.getFullMessage()).isEqualTo("Fragile: use the big box"));
    Job pickReminder = parcels.timer(packing);
    assertThat(pickReminder.getId()).isEqualTo(reminder.getId());
    assertThat(pickReminder.getDuedate()).isEqualTo(reminder.getDuedate());
    assertThat(migrationEntries()).allSatisfy(entry -> {
      assertThat(entry.getAnnotation()).isEqualTo("Credit checks end");
      assertThat(entry.getUserId()).isEqualTo("admin");
    }).isNotEmpty();
  }

  @Test
  void migratedInstancesGoOnInTheNewVersionAndBlockedOnesInTheOld() {
    post("/api/processes/{key}/migration", Map.of("reason", "Credit checks end"));

    engine.getTaskService().complete(parcels.task(packing).getId());
    assertThat(parcels.task(packing).getTaskDefinitionKey()).isEqualTo("Task_ConfirmAddress");
    DueJobs.run(engine.getManagementService(), beforeBooking);
    assertThat(parcels.task(beforeBooking).getTaskDefinitionKey()).isEqualTo("Task_CheckOrder");
    assertThat(parcels.versionOf(checkingCredit)).isEqualTo(1);
    engine.getTaskService().complete(parcels.task(checkingCredit).getId());
    assertThat(parcels.task(checkingCredit).getTaskDefinitionKey()).isEqualTo("Task_PackOrder");
  }

  @Test
  void aMigrationNeedsAReason() {
    ResponseEntity<JsonNode> response = post("/api/processes/{key}/migration", Map.of("reason", " "));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("detail").asText()).startsWith("reason: is required");
    assertThat(parcels.versionOf(checking)).isEqualTo(1);
  }

  @Test
  void anUnknownProcessIsNotFound() {
    ResponseEntity<JsonNode> response = http.withBasicAuth("admin", "admin")
        .postForEntity("/api/processes/Process_NoSuchThing/migration?dryRun=true", Map.of(), JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theVersionsShowTheirRunningInstances() {
    JsonNode versions = http.withBasicAuth("admin", "admin")
        .getForEntity("/api/processes/{key}/versions", JsonNode.class, parcels.key).getBody();

    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).get("version").asInt()).isEqualTo(1);
    assertThat(versions.get(0).get("running").asInt()).isEqualTo(4);
    assertThat(versions.get(1).get("running").asInt()).isZero();
    assertThat(versions.get(1).get("newest").asBoolean()).isTrue();
  }

  @Test
  void moreInstancesThanARequestMigratesGoAsABatchInTheBackground() {
    java.util.List<String> waiting = java.util.stream.IntStream.range(0, ProcessMigrations.IMMEDIATE_LIMIT)
        .mapToObj(n -> parcels.startOnVersion1()).toList();

    JsonNode answer = post("/api/processes/{key}/migration", Map.of("reason", "Credit checks end")).getBody();

    assertThat(answer.get("migrated").asInt()).isZero();
    assertThat(answer.get("batches")).singleElement().satisfies(batch -> {
      assertThat(batch.get("fromVersion").asInt()).isEqualTo(1);
      assertThat(batch.get("instances").asInt()).isEqualTo(ProcessMigrations.IMMEDIATE_LIMIT + 3);
    });
    assertThat(parcels.versionOf(waiting.get(0))).isEqualTo(1);
    BatchJobs.runAll(engine.getManagementService(), answer.get("batches").get(0).get("batchId").asText());
    assertThat(waiting).allSatisfy(id -> assertThat(parcels.versionOf(id)).isEqualTo(2));
    assertThat(parcels.versionOf(checkingCredit)).isEqualTo(1);
  }

  private ResponseEntity<JsonNode> post(String path, Object body) {
    return http.withBasicAuth("admin", "admin").postForEntity(path, body, JsonNode.class, parcels.key);
  }

  private java.util.List<UserOperationLogEntry> migrationEntries() {
    return historyService.createUserOperationLogQuery().processDefinitionKey(parcels.key)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_MIGRATE).list();
  }
}
