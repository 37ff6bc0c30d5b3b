package io.opsflow.review;

import static io.opsflow.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.ProcessDriver;
import io.opsflow.notify.TestMailbox;
import io.opsflow.platform.TasklistFilters;
import io.opsflow.sla.SlaStep;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * Every path of {@code processes/weekly-review.bpmn}: the timer start on the working calendar, one
 * review per department lead, reviews with and without actions, the actions as tasks of their
 * owners, and the SLA ladders of both tasks. Leads of the demo organisation: sales sarah, finance
 * fiona, warehouse will, hr helen, it irene, facilities felix; all report to olivia. The test
 * calendar has Monday 2032-03-29 (Easter Monday) as its holiday.
 */
@OpsflowSpringTest
class WeeklyReviewProcessTest {

  static final String MONDAY = "2031-03-03T09:00";
  static final List<String> LEADS = List.of("felix", "fiona", "helen", "irene", "sarah", "will");

  @RegisterExtension
  static final TestMailbox mailbox = new TestMailbox();
  @RegisterExtension
  final ProcessDriver driver = new ProcessDriver();
  @RegisterExtension
  final ReviewWeeks weeks = new ReviewWeeks();

  @Autowired ProcessEngine processEngine;
  @Autowired TaskService taskService;
  @Autowired ImprovementActionRepository actions;
  @Autowired DepartmentReviewRepository reviews;

  @BeforeEach
  void engine() {
    init(processEngine);
  }

  @Test
  void reviewsBeginEveryMondayAtNineForEveryLead() {
    ProcessInstance week = startsAt(MONDAY);

    assertThat(week).hasPassed("StartEvent_EveryMonday", "Task_PlanReviews").isWaitingAt(WeeklyReview.TASK_REVIEW_LAST_WEEK);
    assertThat(reviewTasks(week)).extracting(Task::getAssignee, Task::getDueDate).containsExactlyInAnyOrderElementsOf(
        LEADS.stream().map(lead -> tuple(lead, driver.at("2031-03-04T12:00"))).toList());
    assertThat(nextStart()).isEqualTo(driver.at("2031-03-10T09:00"));
    Task sarahs = reviewTask(week, "sarah");
    assertThat((String) taskService.getVariableLocal(sarahs.getId(), WeeklyReview.LOCAL_LAST_WEEK))
        .contains("## Week of 2031-02-24, sales", "**Figures against targets**", "**Steps that missed their due date most**",
            "**Escalations**", "**Actions of earlier reviews**");
    assertThat(reviews.findByProcessInstanceIdOrderByDepartment(week.getId()))
        .extracting(DepartmentReview::department, DepartmentReview::lead)
        .containsExactly(tuple("facilities", "felix"), tuple("finance", "fiona"), tuple("hr", "helen"),
            tuple("it", "irene"), tuple("sales", "sarah"), tuple("warehouse", "will"));
  }

  @Test
  void reviewsBeginOnTuesdayAfterAMondayHoliday() {
    startsAt("2032-03-22T09:00");
    assertThat(nextStart()).isEqualTo(driver.at("2032-03-30T09:00"));

    ProcessInstance week = startsAt("2032-03-30T09:00");

    assertThat(reviewTask(week, "will").getDueDate()).isEqualTo(driver.at("2032-03-31T12:00"));
    assertThat(nextStart()).isEqualTo(driver.at("2032-04-05T09:00"));
  }

  @Test
  void weekIsReviewedWhenEveryLeadAgreedNoAction() {
    ProcessInstance week = startsAt(MONDAY);

    for (String lead : LEADS) {
      driver.complete(lead, reviewTask(week, lead).getId(), Map.of(WeeklyReview.FORM_DECISIONS, "Nothing to change."));
    }

    assertThat(week).hasPassed("Gateway_ActionsAgreed", "EndEvent_NothingToImprove", "EndEvent_WeekReviewed").isEnded();
    assertThat(reviews.findByProcessInstanceIdOrderByDepartment(week.getId()))
        .allSatisfy(review -> assertThat(review.status()).isEqualTo(DepartmentReview.Status.DONE))
        .extracting(DepartmentReview::decisions).containsOnly("Nothing to change.");
  }

  @Test
  void agreedActionsAreCarriedOutByTheirOwners() {
    ProcessInstance week = startsAt(MONDAY);

    driver.clockAt("2031-03-03T11:00");
    driver.complete("sarah", reviewTask(week, "sarah").getId(), Map.of(WeeklyReview.FORM_ACTIONS,
        "[{\"title\":\"Call back every cancelled order\",\"owner\":\"sam\",\"dueDate\":\"2031-03-07\"}]"));

    Task action = taskService.createTaskQuery().processInstanceId(week.getId())
        .taskDefinitionKey(WeeklyReview.TASK_CARRY_OUT_ACTION).singleResult();
    assertThat(action.getName()).isEqualTo("Call back every cancelled order");
    assertThat(action.getAssignee()).isEqualTo("sam");
    assertThat(action.getDueDate()).isEqualTo(driver.at("2031-03-07T17:00"));
    assertThat((String) taskService.getVariableLocal(action.getId(), WeeklyReview.LOCAL_ACTION))
        .contains("Call back every cancelled order", "weekly review of sales", "by sarah");

    driver.complete("sam", action.getId(), Map.of(WeeklyReview.FORM_RESULT, "Called all four; two ordered again."));

    assertThat(week).hasPassed(WeeklyReview.TASK_CARRY_OUT_ACTION, "EndEvent_ActionsCarriedOut");
    ImprovementAction done = actions.findByReviewIdOrderById(reviewIdOf(week, "sales")).get(0);
    assertThat(done.doneBy()).isEqualTo("sam");
    assertThat(done.result()).isEqualTo("Called all four; two ordered again.");
    assertThat(done.state(LocalDate.parse("2031-03-10"))).isEqualTo(ImprovementAction.State.DONE);
  }

  @Test
  void anActionIsNotDoneWithoutItsResult() {
    ProcessInstance week = startsAt(MONDAY);
    driver.complete("sarah", reviewTask(week, "sarah").getId(), Map.of(WeeklyReview.FORM_ACTIONS,
        "[{\"title\":\"Tidy the quote templates\",\"owner\":\"sarah\",\"dueDate\":\"2031-03-05\"}]"));
    Task action = taskService.createTaskQuery().processInstanceId(week.getId()).taskAssignee("sarah")
        .taskDefinitionKey(WeeklyReview.TASK_CARRY_OUT_ACTION).singleResult();

    var refusal = refusalOf(() -> driver.asUser("sarah", () -> {
      taskService.complete(action.getId(), Map.of());
      return null;
    }));

    assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refusal.getMessage()).startsWith("result: ");
    assertThat(week).isWaitingAt(WeeklyReview.TASK_CARRY_OUT_ACTION);
  }

  @Test
  void aMissedReviewRemindsTheLeadAndIsEscalatedToTheirManager() {
    ProcessInstance week = startsAt(MONDAY);
    Task sarahs = reviewTask(week, "sarah");

    assertThat(driver.fireWhenDue(week.getId(), WeeklyReview.TASK_REVIEW_LAST_WEEK, SlaStep.REMINDER))
        .isEqualTo(driver.at("2031-03-04T12:00"));
    assertThat(mailbox.awaitMails("sarah", "Reminder: \"Review last week\"", 1)).hasSize(1);
    assertThat(driver.fireWhenDue(week.getId(), WeeklyReview.TASK_REVIEW_LAST_WEEK, SlaStep.ESCALATION))
        .isEqualTo(driver.at("2031-03-04T16:00"));

    assertThat(mailbox.awaitMails("olivia", 6, "Escalated: \"Review last week\"")).hasSize(6);
    assertThat(taskService.getVariableLocal(sarahs.getId(), TasklistFilters.ESCALATED_VARIABLE)).isEqualTo(true);
    assertThat(week).isWaitingAt(WeeklyReview.TASK_REVIEW_LAST_WEEK);
  }

  @Test
  void aLateActionRemindsItsOwnerAndIsEscalatedToTheirManager() {
    ProcessInstance week = startsAt(MONDAY);
    driver.complete("will", reviewTask(week, "will").getId(), Map.of(WeeklyReview.FORM_ACTIONS,
        "[{\"title\":\"Label the returns shelf\",\"owner\":\"wendy\",\"dueDate\":\"2031-03-06\"}]"));

    assertThat(driver.fireWhenDue(week.getId(), WeeklyReview.TASK_CARRY_OUT_ACTION, SlaStep.REMINDER))
        .isEqualTo(driver.at("2031-03-06T17:00"));
    assertThat(mailbox.awaitMails("wendy", "Reminder: \"Label the returns shelf\"", 1)).hasSize(1);
    assertThat(driver.fireWhenDue(week.getId(), WeeklyReview.TASK_CARRY_OUT_ACTION, SlaStep.ESCALATION))
        .isEqualTo(driver.at("2031-03-07T17:00"));

    assertThat(mailbox.awaitMails("will", "Escalated: \"Label the returns shelf\"", 1)).hasSize(1);
    assertThat(actions.findByReviewIdOrderById(reviewIdOf(week, "warehouse")).get(0)
        .state(LocalDate.parse("2031-03-07"))).isEqualTo(ImprovementAction.State.LATE);
  }

  private ProcessInstance startsAt(String localDateTime) {
    return weeks.startAt(driver.at(localDateTime));
  }

  private Date nextStart() {
    return weeks.nextStart();
  }

  private List<Task> reviewTasks(ProcessInstance week) {
    return taskService.createTaskQuery().processInstanceId(week.getId())
        .taskDefinitionKey(WeeklyReview.TASK_REVIEW_LAST_WEEK).list();
  }

  private Task reviewTask(ProcessInstance week, String lead) {
    return weeks.reviewOf(week, lead);
  }

  private Long reviewIdOf(ProcessInstance week, String department) {
    return reviews.findByProcessInstanceIdOrderByDepartment(week.getId()).stream()
        .filter(review -> review.department().equals(department)).findFirst().orElseThrow().id();
  }
}
