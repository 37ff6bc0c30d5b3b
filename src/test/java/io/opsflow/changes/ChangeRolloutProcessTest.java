package io.opsflow.changes;

import static io.opsflow.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.ProcessDriver;
import io.opsflow.notify.TestMailbox;
import io.opsflow.notify.TestMailbox.ReceivedMail;
import io.opsflow.platform.ApiException;
import io.opsflow.platform.TasklistFilters;
import io.opsflow.sla.SlaStep;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Every path of {@code processes/change-rollout.bpmn}, with the risk table, the recorded
 * decisions and the mails. Sam (sales, manager Sarah) owns the changes; Sarah leads sales, Irene IT.
 * Together they run every flow node and sequence flow of the model (required for every
 * {@code *ProcessTest} class, see {@code io.opsflow.ProcessTestCoverageConfiguration}).
 */
@OpsflowSpringTest
class ChangeRolloutProcessTest {

  static final String OWNER = "sam";
  static final ZoneId CALENDAR_ZONE = ZoneId.of("Europe/Berlin");
  static final String MONDAY = "2031-03-03T10:00";
  static final LocalDate ROLLOUT = LocalDate.parse("2031-03-17");

  @RegisterExtension
  static final TestMailbox mailbox = new TestMailbox();
  @RegisterExtension
  final ProcessDriver driver = new ProcessDriver();

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired TestRestTemplate http;
  @Autowired ChangeService changes;
  final Map<Long, ProcessInstance> instances = new HashMap<>();

  record Submitted(Long id, String processInstanceId, String status, String risk) {}

  @BeforeEach
  void onMondayMorning() {
    init(processEngine);
    driver.clockAt(MONDAY);
  }

  @Test
  void lowRiskChangeIsApprovedAsStandardChange() {
    Submitted change = submit("low", "medium", "sales");

    assertThat(change.risk()).isEqualTo("low");
    assertThat(change.status()).isEqualTo("APPROVED");
    assertThat(instance(change)).hasPassed("Task_AssessRisk", "Task_ApproveStandardChange").isWaitingAt("Task_PlanCommunication");
    assertThat(task(change, "Task_PlanCommunication")).isAssignedTo(OWNER);
    assertThat(view(change).approvals()).extracting(ChangeView.ApprovalView::approver, ChangeView.ApprovalView::decision)
        .containsExactly(tuple(Approval.STANDARD_CHANGE_POLICY, Approval.Decision.APPROVED));
    assertThat(ownerMail(change, "approved").body()).contains("low risk");

    // two working days to plan, escalated to the owner's manager a working day later
    slaLapses(change, "Task_PlanCommunication", OWNER, "2031-03-05T10:00", "sarah", "2031-03-06T10:00");
  }

  @Test
  void mediumRiskChangeIsApprovedByTheOwnersManager() {
    Submitted change = submit("medium", "medium", "sales");

    assertThat(change.risk()).isEqualTo("medium");
    assertThat(change.status()).isEqualTo("AWAITING_APPROVAL");
    assertThat(task(change, "Task_ApproveChange")).isAssignedTo("sarah");
    assertThat(task(change, "Task_ApproveChange").getDescription()).contains("#" + change.id() + " Shift plan");

    slaLapses(change, "Task_ApproveChange", "sarah", "2031-03-06T10:00", "olivia", "2031-03-07T10:00");
    complete(change, "Task_ApproveChange", "sarah", Map.of("approval", "approve", "comment", "Good plan"));

    assertThat(instance(change)).hasPassed("Gateway_Approved").isWaitingAt("Task_PlanCommunication");
    ChangeView approved = view(change);
    assertThat(approved.status()).isEqualTo(ChangeStatus.APPROVED);
    assertThat(approved.approvals()).singleElement().satisfies(approval -> {
      assertThat(approval.approver()).isEqualTo("sarah");
      assertThat(approval.decidedBy()).isEqualTo("sarah");
      assertThat(approval.decision()).isEqualTo(Approval.Decision.APPROVED);
      assertThat(approval.comment()).isEqualTo("Good plan");
      assertThat(approval.decidedAt()).isEqualTo(driver.at("2031-03-07T10:00").toInstant()); // when escalated
    });
    assertThat(ownerMail(change, "approved").body()).contains("medium risk");
    assertThat(runtimeService.getVariables(change.processInstanceId()))
        .containsOnlyKeys(ChangeRollout.VAR_CHANGE_ID, ChangeRollout.VAR_RISK, ChangeRollout.VAR_APPROVED);
  }

  @Test
  void highRiskChangeIsApprovedByEveryManager() {
    Submitted change = submit("high", "high", "sales", "it");

    assertThat(change.risk()).isEqualTo("high");
    assertThat(approvers(change)).containsExactlyInAnyOrder("fiona", "helen", "irene", "olivia", "sarah", "will");

    slaLapses(change, "Task_ApproveHighRiskChange", "fiona", "2031-03-06T10:00", "olivia", "2031-03-07T10:00");
    for (String manager : List.of("fiona", "helen", "irene", "olivia", "sarah")) {
      complete(change, "Task_ApproveHighRiskChange", manager, Map.of("approval", "approve"));
      assertThat(view(change).status()).isEqualTo(ChangeStatus.AWAITING_APPROVAL);
    }
    complete(change, "Task_ApproveHighRiskChange", "will", Map.of("approval", "approve", "comment", "Go"));

    assertThat(instance(change)).isWaitingAt("Task_PlanCommunication");
    assertThat(view(change).approvals()).hasSize(6)
        .allSatisfy(approval -> assertThat(approval.decision()).isEqualTo(Approval.Decision.APPROVED));
    assertThat(view(change).status()).isEqualTo(ChangeStatus.APPROVED);
    assertThat(ownerMail(change, "approved").body()).contains("high risk");
  }

  @Test
  void highRiskChangeRejectedByOneManagerIsReworkedAndResubmitted() {
    Submitted change = submit("high", "medium", "sales");
    complete(change, "Task_ApproveHighRiskChange", "olivia", Map.of("approval", "approve"));

    complete(change, "Task_ApproveHighRiskChange", "fiona", Map.of("approval", "reject", "comment", "Too costly"));

    assertThat(instance(change)).isWaitingAt("Task_ReworkChange");
    assertThat(taskService.createTaskQuery().processInstanceId(change.processInstanceId())
        .taskDefinitionKey("Task_ApproveHighRiskChange").count()).isZero();
    assertThat(view(change).status()).isEqualTo(ChangeStatus.IN_REWORK);
    assertThat(ownerMail(change, "rejected").body()).contains("fiona rejected your change: Too costly");
    slaLapses(change, "Task_ReworkChange", OWNER, "2031-03-10T10:00", "sarah", "2031-03-11T10:00");

    complete(change, "Task_ReworkChange", OWNER,
        Map.of("rework", "resubmit", "comment", "Cheaper: done in-house", "impact", "low", "urgency", "low"));

    assertThat(instance(change)).isWaitingAt("Task_PlanCommunication");
    ChangeView resubmitted = view(change);
    assertThat(resubmitted.submission()).isEqualTo(2);
    assertThat(resubmitted.risk()).isEqualTo(Level.LOW);
    assertThat(resubmitted.approvals())
        .extracting(ChangeView.ApprovalView::submission, ChangeView.ApprovalView::approver, ChangeView.ApprovalView::decision)
        .containsExactly(
            tuple(1, "fiona", Approval.Decision.REJECTED),
            tuple(1, "helen", Approval.Decision.CANCELLED),
            tuple(1, "irene", Approval.Decision.CANCELLED),
            tuple(1, "olivia", Approval.Decision.APPROVED),
            tuple(1, "sarah", Approval.Decision.CANCELLED),
            tuple(1, "will", Approval.Decision.CANCELLED),
            tuple(2, Approval.STANDARD_CHANGE_POLICY, Approval.Decision.APPROVED));
    assertThat(resubmitted.log()).extracting(ChangeView.Step::step, ChangeView.Step::actor, ChangeView.Step::comment)
        .contains(tuple(ChangeLogEntry.Step.RESUBMITTED, OWNER, "Cheaper: done in-house"));
  }

  @Test
  void rejectedChangeIsWithdrawnByItsOwner() {
    Submitted change = submit("medium", "medium", "sales");
    complete(change, "Task_ApproveChange", "sarah", Map.of("approval", "reject", "comment", "Not now"));

    complete(change, "Task_ReworkChange", OWNER, Map.of("rework", "withdraw", "comment", "We drop it"));

    assertThat(instance(change)).isEnded().hasPassed("EndEvent_ChangeWithdrawnByOwner");
    assertThat(view(change).status()).isEqualTo(ChangeStatus.WITHDRAWN);
    assertThat(view(change).log()).extracting(ChangeView.Step::step, ChangeView.Step::actor, ChangeView.Step::comment)
        .contains(tuple(ChangeLogEntry.Step.WITHDRAWN, OWNER, "We drop it"));
  }

  @Test
  void changeIsWithdrawnThroughTheApiByItsOwnerOnly() {
    Submitted change = submit("medium", "medium", "sales");

    assertThat(withdraw(change, "fred").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> withdrawn = withdraw(change, OWNER);

    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(instance(change)).isEnded().hasPassed("EndEvent_ChangeWithdrawn");
    ChangeView view = view(change);
    assertThat(view.status()).isEqualTo(ChangeStatus.WITHDRAWN);
    assertThat(view.approvals()).singleElement()
        .satisfies(approval -> assertThat(approval.decision()).isEqualTo(Approval.Decision.CANCELLED));
    assertThat(view.log()).extracting(ChangeView.Step::step, ChangeView.Step::actor, ChangeView.Step::comment)
        .contains(tuple(ChangeLogEntry.Step.WITHDRAWN, OWNER, "No longer needed"));
    assertThat(withdraw(change, OWNER).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void lateBriefingIsEscalatedAndTheOwnerWarned() {
    Submitted change = submit("low", "low", "sales", "it");
    complete(change, "Task_ApproveChange", "sarah", Map.of("approval", "approve"));
    complete(change, "Task_PlanCommunication", OWNER, Map.of("communicationPlan", "Team meetings on Friday"));
    assertThat(taskService.createTaskQuery().processInstanceId(change.processInstanceId())
        .taskDefinitionKey("Task_BriefTeam").list()).extracting(Task::getAssignee).containsExactlyInAnyOrder("sarah", "irene");
    complete(change, "Task_BriefTeam", "sarah", Map.of("comment", "Questions about overtime"));

    // due two working days before the Monday of the rollout, escalated a working day of grace later
    slaLapses(change, "Task_BriefTeam", "irene", "2031-03-13T09:00", "olivia", "2031-03-13T17:00");

    assertThat(instance(change)).hasPassed("StartEvent_BriefingLate", "Task_WarnOwner");
    assertThat(ownerMail(change, "not all teams briefed").body()).contains("not yet briefed on your change: it.");
    assertThat(taskService.createTaskQuery().processInstanceId(change.processInstanceId())
        .taskVariableValueEquals(TasklistFilters.ESCALATED_VARIABLE, true).singleResult().getAssignee()).isEqualTo("irene");

    complete(change, "Task_BriefTeam", "irene", Map.of());

    assertThat(instance(change)).isWaitingAt("Event_RolloutDateReached");
    assertThat(view(change).status()).isEqualTo(ChangeStatus.SCHEDULED);
    assertThat(view(change).affectedTeams()).extracting(ChangeView.Team::team, ChangeView.Team::briefedBy,
        ChangeView.Team::briefingNotes).containsExactly(
            tuple("it", "irene", null), tuple("sales", "sarah", "Questions about overtime"));
  }

  @Test
  void failedRolloutIsRolledBackAndReviewed() {
    Submitted change = rolledOut();

    slaLapses(change, "Task_VerifyOutcome", OWNER, "2031-03-20T13:00", "sarah", "2031-03-21T13:00");
    complete(change, "Task_VerifyOutcome", OWNER, Map.of("outcome", "failure", "comment", "Tills crash"));
    assertThat(view(change).status()).isEqualTo(ChangeStatus.FAILED);
    // four working hours to roll back, that Friday at closing; escalated four working hours later, on Monday
    slaLapses(change, "Task_RollBackChange", OWNER, "2031-03-21T17:00", "sarah", "2031-03-24T13:00");
    complete(change, "Task_RollBackChange", OWNER, Map.of("comment", "Old till software back"));
    slaLapses(change, "Task_ReviewFailure", OWNER, "2031-03-31T13:00", "sarah", "2031-04-01T13:00");
    complete(change, "Task_ReviewFailure", OWNER, Map.of("comment", "Test with real tills first"));

    assertThat(instance(change)).isEnded().hasPassed("Task_RollBackChange", "EndEvent_ChangeRolledBack");
    ChangeView view = view(change);
    assertThat(view.status()).isEqualTo(ChangeStatus.ROLLED_BACK);
    assertThat(view.reviews()).extracting(ChangeView.ReviewView::kind, ChangeView.ReviewView::successful,
        ChangeView.ReviewView::reviewer, ChangeView.ReviewView::findings).containsExactly(
            tuple(Review.Kind.VERIFICATION, false, OWNER, "Tills crash"),
            tuple(Review.Kind.FAILURE, null, OWNER, "Test with real tills first"));
    assertThat(view.log()).extracting(ChangeView.Step::step)
        .containsExactly(ChangeLogEntry.Step.SUBMITTED, ChangeLogEntry.Step.COMMUNICATION_PLANNED,
            ChangeLogEntry.Step.ROLLED_OUT, ChangeLogEntry.Step.ROLLED_BACK);
    assertThat(mailbox.awaitMails("sarah", overdueMail(change), 4)).hasSize(4);
  }

  @Test
  void successfulRolloutIsReviewedTwoWeeksLater() {
    Submitted change = rolledOut();
    complete(change, "Task_VerifyOutcome", OWNER, Map.of("outcome", "success", "comment", "Orders flow"));
    assertThat(view(change).status()).isEqualTo(ChangeStatus.IMPLEMENTED);

    Date verified = ClockUtil.getCurrentTime();
    Date twoWeeksLater = driver.fireWhenDue(change.processInstanceId(), "Event_TwoWeeksPassed");
    assertThat(Duration.between(verified.toInstant(), twoWeeksLater.toInstant())).as("P14D, across the change to summer time")
        .isBetween(Duration.ofDays(14).minusHours(1), Duration.ofDays(14));
    // five working days for the review (the time of day is the timer's, which summer time may have moved)
    String time = LocalTime.ofInstant(twoWeeksLater.toInstant(), CALENDAR_ZONE).toString();
    slaLapses(change, "Task_ReviewImplementation", OWNER, "2031-04-08T" + time, "sarah", "2031-04-09T" + time);
    complete(change, "Task_ReviewImplementation", OWNER, Map.of("comment", "Fewer errors, keep it"));

    assertThat(instance(change)).isEnded().hasPassed("Event_TwoWeeksPassed", "EndEvent_ChangeCompleted");
    ChangeView view = view(change);
    assertThat(view.status()).isEqualTo(ChangeStatus.COMPLETED);
    assertThat(view.reviews()).extracting(ChangeView.ReviewView::kind, ChangeView.ReviewView::findings)
        .containsExactly(tuple(Review.Kind.VERIFICATION, "Orders flow"),
            tuple(Review.Kind.POST_IMPLEMENTATION, "Fewer errors, keep it"));
    assertThat(view.communicationPlan()).isEqualTo("Notice board");
  }

  @Test
  void changeRequestedInTasklistIsRegisteredAndOwnedByTheRequester() {
    ProcessInstance instance = driver.asUser(OWNER, () -> formService.submitStartForm(definitionId(), Map.<String, Object>of(
        "title", "New coffee machine", "affectedTeams", SpinValues.jsonValue("[\"facilities\"]").create(),
        "impact", "low", "urgency", "low", "plannedRolloutDate", ROLLOUT.toString(), "rollbackPlan", "Keep the old one")));

    ChangeView view = changes.find(Long.valueOf(runtimeService.createProcessInstanceQuery()
        .processInstanceId(instance.getId()).singleResult().getBusinessKey()));
    assertThat(view.owner()).isEqualTo(OWNER);
    assertThat(view.affectedTeams()).extracting(ChangeView.Team::team).containsExactly("facilities");
    assertThat(view.status()).isEqualTo(ChangeStatus.APPROVED);
    assertThat(instance).isWaitingAt("Task_PlanCommunication");
    assertThat(runtimeService.getVariables(instance.getId())).containsOnlyKeys(ChangeRollout.VAR_CHANGE_ID, ChangeRollout.VAR_RISK);
  }

  /** A low-risk change, planned, briefed, at its rollout date and rolled out: waiting for verification. */
  // --- guards: who may decide, and only the change's own instance moves it ----------------------

  @Test
  void theOwnerMayNotDecideOnTheApprovalOfTheirOwnChange() {
    // the administrator has no manager, so any member of management decides; and is no exception to four eyes
    Submitted change = submitAs("admin", "medium", "medium", "sales");
    Task approval = task(change, "Task_ApproveChange");
    assertThat(approval).isNotAssigned();

    ApiException refusal = refusalOf(() -> decide("admin", approval, Map.of("approval", "approve")));

    assertThat(refusal.status()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refusal.getMessage()).isEqualTo("admin owns change " + change.id()
        + " and may not decide on its approval; another member of management must");
    assertStillAwaitingApproval(change, "Task_ApproveChange");
  }

  @Test
  void anAssignedApprovalIsDecidedByItsAssigneeOnlyNotByTheirManager() {
    Submitted change = submit("medium", "medium", "sales");
    Task approval = task(change, "Task_ApproveChange");

    ApiException refusal = refusalOf(() -> decide("olivia", approval, Map.of("approval", "approve")));

    assertThat(refusal.status()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refusal.getMessage()).isEqualTo("the approval of change " + change.id()
        + " is assigned to sarah; only sarah may decide on it, not olivia");
    assertStillAwaitingApproval(change, "Task_ApproveChange");

    assertApprovedBy(change, approval, "sarah");
  }

  @Test
  void anUnassignedApprovalIsDecidedByAnyManagerButTheOwner() {
    Submitted change = submitAs("admin", "medium", "medium", "sales"); // the administrator has no manager
    Task approval = task(change, "Task_ApproveChange");
    assertThat(approval.getAssignee()).isNull();

    ApiException refusal = refusalOf(() -> decide("admin", approval, Map.of("approval", "approve")));

    assertThat(refusal.status()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refusal.getMessage()).startsWith("admin owns change " + change.id());
    assertStillAwaitingApproval(change, "Task_ApproveChange");

    assertApprovedBy(change, approval, "fiona");
  }

  @Test
  void aSecondInstanceStartedAtTheStandardApprovalOfAnotherChangeIsRefused() {
    Submitted change = submit("high", "high", "sales", "it");

    ApiException refusal = refusalOf(() -> runtimeService.createProcessInstanceByKey(ChangeRollout.PROCESS_KEY)
        .startBeforeActivity("Task_ApproveStandardChange").setVariable(ChangeRollout.VAR_CHANGE_ID, change.id()).execute());

    assertThat(refusal.status()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refusal.getMessage()).isEqualTo("change " + change.id() + " belongs to another process instance");
    assertStillAwaitingApproval(change, "Task_ApproveHighRiskChange");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ChangeRollout.PROCESS_KEY)
        .variableValueEquals(ChangeRollout.VAR_CHANGE_ID, change.id()).list()).extracting(ProcessInstance::getId)
        .containsExactly(change.processInstanceId());
  }

  @Test
  void aHighRiskChangeIsNotApprovedAsStandardChangeEvenByItsOwnInstance() {
    Submitted change = submit("high", "high", "sales", "it");

    ApiException refusal = refusalOf(() -> runtimeService.createProcessInstanceModification(change.processInstanceId())
        .startBeforeActivity("Task_ApproveStandardChange").execute());

    assertThat(refusal.status()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refusal.getMessage()).isEqualTo("change " + change.id() + " is AWAITING_APPROVAL with high risk and cannot"
        + " be approved as a standard change (only a SUBMITTED change assessed as low risk)");
    assertStillAwaitingApproval(change, "Task_ApproveHighRiskChange");
  }

  private void assertStillAwaitingApproval(Submitted change, String approvalTask) {
    assertThat(view(change).status()).isEqualTo(ChangeStatus.AWAITING_APPROVAL);
    assertThat(view(change).approvals()).isNotEmpty()
        .allSatisfy(approval -> assertThat(approval.decision()).isEqualTo(Approval.Decision.PENDING));
    assertThat(instance(change)).isWaitingAt(approvalTask);
  }

  private void assertApprovedBy(Submitted change, Task approval, String user) {
    decide(user, approval, Map.of("approval", "approve"));
    assertThat(view(change).status()).isEqualTo(ChangeStatus.APPROVED);
    assertThat(view(change).approvals()).extracting(ChangeView.ApprovalView::decidedBy).containsExactly(user);
  }

  /** Submits the approval form of a task as the user, whoever it is assigned to. */
  private void decide(String user, Task approval, Map<String, Object> form) {
    driver.complete(user, approval.getId(), form);
  }

  private Submitted rolledOut() {
    Submitted change = submit("low", "low", "sales");
    complete(change, "Task_PlanCommunication", OWNER, Map.of("communicationPlan", "Notice board"));
    complete(change, "Task_BriefTeam", "sarah", Map.of());
    assertThat(instance(change)).isWaitingAt("Event_RolloutDateReached");

    assertThat(driver.fireWhenDue(change.processInstanceId(), "Event_RolloutDateReached"))
        .isEqualTo(driver.at(ROLLOUT + "T00:00"));
    assertThat(instance(change)).isWaitingAt("Task_RollOutChange");
    // eight working hours from the night of the rollout day: its closing; escalated four working hours later
    slaLapses(change, "Task_RollOutChange", OWNER, ROLLOUT + "T17:00", "sarah", "2031-03-18T13:00");
    complete(change, "Task_RollOutChange", OWNER, Map.of("comment", "New till software installed"));
    assertThat(view(change).status()).isEqualTo(ChangeStatus.ROLLED_OUT);
    return change;
  }

  private Submitted submit(String impact, String urgency, String... teams) {
    return submitAs(OWNER, impact, urgency, teams);
  }

  private Submitted submitAs(String owner, String impact, String urgency, String... teams) {
    Map<String, Object> request = new HashMap<>();
    request.put("title", "Shift plan");
    request.put("description", "New shift plan for the spring");
    request.put("owner", owner);
    request.put("affectedTeams", List.of(teams));
    request.put("impact", impact);
    request.put("urgency", urgency);
    request.put("plannedRolloutDate", ROLLOUT.toString());
    request.put("rollbackPlan", "Return to the old plan");
    ResponseEntity<Submitted> response = http.withBasicAuth(owner, owner).postForEntity("/api/changes", request, Submitted.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Submitted change = response.getBody();
    instances.put(change.id(), runtimeService.createProcessInstanceQuery()
        .processInstanceId(change.processInstanceId()).singleResult());
    return change;
  }

  private ResponseEntity<String> withdraw(Submitted change, String user) {
    return http.withBasicAuth(user, user).postForEntity("/api/changes/" + change.id() + "/withdraw",
        Map.of("comment", "No longer needed"), String.class);
  }

  private void complete(Submitted change, String taskKey, String user, Map<String, Object> form) {
    driver.complete(user, assignedTask(change, taskKey, user).getId(), form);
  }

  private Task assignedTask(Submitted change, String taskKey, String user) {
    Task task = taskService.createTaskQuery().processInstanceId(change.processInstanceId()).taskDefinitionKey(taskKey)
        .taskAssignee(user).singleResult();
    assertThat(task).as("%s of %s", taskKey, user).isNotNull();
    return task;
  }

  /**
   * The reminder and escalation ladder of the user's task, each step when it is due on the working
   * calendar and not a minute before: at the task's due date the reminder to the user (once), at the
   * escalation date the mail to their manager and the task flagged escalated in Tasklist.
   */
  private void slaLapses(Submitted change, String taskKey, String user, String dueAt, String manager, String overdueAt) {
    Task task = assignedTask(change, taskKey, user);
    String reminder = "Reminder: \"" + task.getName() + "\" " + dueMail(change);
    String escalation = "Escalated: \"" + task.getName() + "\" " + overdueMail(change);
    assertThat(task.getDueDate()).as("due date of %s", taskKey).isEqualTo(driver.at(dueAt));

    assertThat(driver.fireWhenDue(change.processInstanceId(), taskKey, SlaStep.REMINDER)).isEqualTo(driver.at(dueAt));
    assertThat(mailbox.awaitMails(user, reminder, 1)).hasSize(1);
    assertThat(taskService.getVariableLocal(task.getId(), TasklistFilters.ESCALATED_VARIABLE)).isNull();

    assertThat(driver.fireWhenDue(change.processInstanceId(), taskKey, SlaStep.ESCALATION))
        .isEqualTo(driver.at(overdueAt));
    assertThat(mailbox.awaitMails(manager, 1, escalation, "as the manager of " + fullName(user) + " (" + user + ")"))
        .hasSize(1);
    assertThat(taskService.getVariableLocal(task.getId(), TasklistFilters.ESCALATED_VARIABLE)).isEqualTo(true);
    assertThat(mailbox.mailsTo(user, reminder)).as("reminded once").hasSize(1);
    assertThat(instance(change)).isWaitingAt(taskKey);
  }

  private String fullName(String user) {
    User person = identityService.createUserQuery().userId(user).singleResult();
    return person.getFirstName() + " " + person.getLastName();
  }

  private ReceivedMail ownerMail(Submitted change, String what) {
    return mailbox.awaitMails(OWNER, "Change #" + change.id() + " " + what + ":", 1).get(0);
  }

  private static String dueMail(Submitted change) {
    return "is due (Change rollout " + change.id() + ")";
  }

  private static String overdueMail(Submitted change) {
    return "is overdue (Change rollout " + change.id() + ")";
  }

  private List<String> approvers(Submitted change) {
    return taskService.createTaskQuery().processInstanceId(change.processInstanceId())
        .taskDefinitionKey("Task_ApproveHighRiskChange").list().stream().map(Task::getAssignee).toList();
  }

  private ChangeView view(Submitted change) {
    return changes.find(change.id());
  }

  /** The process instance as it was started, for assertions also after it ended. */
  private ProcessInstance instance(Submitted change) {
    return instances.get(change.id());
  }

  private Task task(Submitted change, String key) {
    return taskService.createTaskQuery().processInstanceId(change.processInstanceId()).taskDefinitionKey(key).singleResult();
  }

  private String definitionId() {
    return processEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ChangeRollout.PROCESS_KEY).latestVersion().singleResult().getId();
  }
}
