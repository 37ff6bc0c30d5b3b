package io.opsflow.security;

import static io.opsflow.security.Hostile.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsflow.OpsflowSpringTest;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Who may decide: a claimed task is completed, re-assigned, released or delegated only by its
 * assignee, their manager or an administrator; nobody approves their own change; the due date is
 * the process's.
 */
@OpsflowSpringTest
class WhoDecidesTest {

  @Autowired TaskService taskService;

  @RegisterExtension final Hostile hostile = new Hostile();

  @Test
  void theOwnerOfAChangeCannotApproveItInTheApproversPlace() {
    JsonNode change = hostile.changeAwaitingApproval("sarah");
    Task approval = taskService.createTaskQuery().processInstanceId(change.get("processInstanceId").asText()).singleResult();
    assertThat(approval.getAssignee()).isEqualTo("olivia");

    ResponseEntity<JsonNode> response = hostile.post("sarah", "/api/tasks/" + approval.getId() + "/complete",
        Map.of("approval", "approve"));

    assertRefused(response, HttpStatus.FORBIDDEN, "assigned to olivia");
    assertThat(hostile.change(change.get("id").asLong()).get("status").asText()).isEqualTo("AWAITING_APPROVAL");
    assertThat(taskService.createTaskQuery().taskId(approval.getId()).singleResult().getAssignee()).isEqualTo("olivia");
  }

  /** No demo employee both sells and approves, but an administrator may place orders: four eyes hold for them too. */
  @Test
  void whoPlacedAnOrderCannotApproveIt() {
    JsonNode order = hostile.orderAwaitingApproval("admin");
    Task approval = taskService.createTaskQuery().processInstanceId(order.get("processInstanceId").asText()).singleResult();

    ResponseEntity<JsonNode> response = hostile.post("admin", "/api/tasks/" + approval.getId() + "/complete",
        Map.of("approvalDecision", "approve"));

    assertRefused(response, HttpStatus.FORBIDDEN, "admin placed order " + order.get("id").asLong()
        + " and may not decide on its approval");
    assertThat(hostile.order(order.get("id").asLong()).get("status").asText()).isEqualTo("AWAITING_APPROVAL");
    assertThat(taskService.createTaskQuery().taskId(approval.getId()).count()).isOne();
    ResponseEntity<JsonNode> byFinance = hostile.post("fred", "/api/tasks/" + approval.getId() + "/complete",
        Map.of("approvalDecision", "approve"));
    assertThat(byFinance.getStatusCode()).as("%s", byFinance.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(hostile.order(order.get("id").asLong()).get("status").asText()).isIn("PICKING", "BACKORDERED");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "POST, /api/tasks/{id}/complete, complete",
      "POST, /engine-rest/task/{id}/complete, complete",
      "POST, /engine-rest/task/{id}/submit-form, complete",
      "POST, /engine-rest/task/{id}/assignee, re-assign",
      "POST, /engine-rest/task/{id}/delegate, delegate",
      "POST, /engine-rest/task/{id}/unclaim, release"})
  void aColleagueCannotTakeOverClaimedWork(String method, String path, String action) {
    Task pickAndPack = claimedPickAndPack("will");
    Map<String, Object> body = path.startsWith("/api") ? Map.of("itemsMissing", false)
        : Map.of("userId", "wendy", "variables", Map.of("itemsMissing", Map.of("value", false, "type", "Boolean")));

    ResponseEntity<JsonNode> response = hostile.call("wendy", HttpMethod.valueOf(method),
        path.replace("{id}", pickAndPack.getId()), body);

    assertRefused(response, HttpStatus.FORBIDDEN, "assigned to will; only will", "may " + action + " it");
    Task after = taskService.createTaskQuery().taskId(pickAndPack.getId()).singleResult();
    assertThat(after.getAssignee()).isEqualTo("will");
    assertThat(after.getOwner()).isNull();
  }

  @Test
  void theAssigneesManagerMayTakeOver() {
    Task pickAndPack = claimedPickAndPack("wendy");

    ResponseEntity<JsonNode> response = hostile.post("will", "/engine-rest/task/" + pickAndPack.getId() + "/assignee",
        Map.of("userId", "will"));

    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskService.createTaskQuery().taskId(pickAndPack.getId()).singleResult().getAssignee()).isEqualTo("will");
  }

  @Test
  void theDueDateIsTheProcessesButTheFollowUpDateIsYours() {
    Task pickAndPack = claimedPickAndPack("wendy");
    ObjectNode later = asTasklistSavesIt(pickAndPack).put("due", "2099-01-01T09:00:00.000+0000");
    ObjectNode followUp = asTasklistSavesIt(pickAndPack).put("followUp", "2099-01-01T09:00:00.000+0000");

    assertRefused(hostile.call("wendy", HttpMethod.PUT, "/engine-rest/task/" + pickAndPack.getId(), later),
        HttpStatus.FORBIDDEN, "the due date of task 'Pick and pack order' is set by its process");
    assertThat(taskService.createTaskQuery().taskId(pickAndPack.getId()).singleResult().getDueDate())
        .isEqualTo(pickAndPack.getDueDate());
    ResponseEntity<JsonNode> followedUp = hostile.call("wendy", HttpMethod.PUT, "/engine-rest/task/" + pickAndPack.getId(), followUp);
    assertThat(followedUp.getStatusCode()).as("%s", followedUp.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskService.createTaskQuery().taskId(pickAndPack.getId()).singleResult().getFollowUpDate()).isAfter(new Date());
  }

  /** The task's properties as Tasklist sends them back when it saves a date. */
  private ObjectNode asTasklistSavesIt(Task task) {
    JsonNode read = hostile.get("wendy", "/engine-rest/task/" + task.getId());
    ObjectNode saved = read.deepCopy();
    saved.retain("name", "description", "assignee", "owner", "delegationState", "due", "followUp", "priority",
        "parentTaskId", "caseInstanceId", "tenantId");
    return saved;
  }

  private Task claimedPickAndPack(String by) {
    JsonNode order = hostile.orderToPick();
    Task task = taskService.createTaskQuery().processInstanceId(order.get("processInstanceId").asText()).singleResult();
    ResponseEntity<JsonNode> claimed = hostile.post(by, "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", by));
    assertThat(claimed.getStatusCode()).as("%s", claimed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    return taskService.createTaskQuery().taskId(task.getId()).singleResult();
  }
}
