package io.opsflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.ProcessDriver;
import io.opsflow.sla.SlaStep;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The loop a weekly review closes: Sarah (sales) agrees two actions in Tasklist's way (the engine
 * REST API's {@code submit-form}, the actions as a JSON variable); each becomes a task of its owner,
 * due on its date, with the SLA ladder; the next Monday's review lists them, done or open.
 */
@OpsflowSpringTest
class ReviewLoopTest {

  @RegisterExtension
  final ProcessDriver driver = new ProcessDriver();
  @RegisterExtension
  final ReviewWeeks weeks = new ReviewWeeks();

  @Autowired TestRestTemplate http;
  @Autowired TaskService taskService;

  @Test
  void actionsOfAReviewBecomeTasksOfTheirOwnersAndTheNextReviewListsThem() {
    ProcessInstance week = weeks.startAt(driver.at("2031-03-03T09:00"));
    driver.clockAt("2031-03-03T10:30");

    ResponseEntity<String> submitted = http.withBasicAuth("sarah", "sarah").postForEntity(
        "/engine-rest/task/{id}/submit-form", Map.of("variables", Map.of(
            "decisions", Map.of("value", "Call back cancelled orders; cheaper quotes.", "type", "String"),
            "actions", Map.of("type", "Json", "value", """
                [{"title":"Call back every cancelled order","owner":"sam","dueDate":"2031-03-06"},
                 {"title":"Simplify the quote template","owner":"sarah","dueDate":"2031-03-12"}]"""))),
        String.class, weeks.reviewOf(week, "sarah").getId());
    assertThat(submitted.getStatusCode()).as("%s", submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

    List<Task> actions = weeks.actionsOf(week);
    assertThat(actions).extracting(Task::getName, Task::getAssignee, Task::getDueDate).containsExactlyInAnyOrder(
        tuple("Call back every cancelled order", "sam", driver.at("2031-03-06T17:00")),
        tuple("Simplify the quote template", "sarah", driver.at("2031-03-12T17:00")));
    assertThat(driver.dueDatesOf(week.getId(), ReviewWeeks.CARRY_OUT_ACTION, SlaStep.REMINDER))
        .containsExactlyInAnyOrder(driver.at("2031-03-06T17:00"), driver.at("2031-03-12T17:00"));
    assertThat(driver.dueDatesOf(week.getId(), ReviewWeeks.CARRY_OUT_ACTION, SlaStep.ESCALATION))
        .containsExactlyInAnyOrder(driver.at("2031-03-07T17:00"), driver.at("2031-03-13T17:00"));
    assertThat(taskService.createTaskQuery().taskAssignee("sam").taskName("Call back every cancelled order").count()).isOne();

    driver.clockAt("2031-03-05T15:00");
    Task samsAction = actions.stream().filter(task -> task.getAssignee().equals("sam")).findFirst().orElseThrow();
    ProcessDriver.completeThroughApi(http, "sam", samsAction.getId(), Map.of("result", "Called all four customers."));

    ProcessInstance nextWeek = weeks.startAt(driver.at("2031-03-10T09:00"));
    String lastWeek = (String) taskService.getVariableLocal(weeks.reviewOf(nextWeek, "sarah").getId(),
        WeeklyReview.LOCAL_LAST_WEEK);

    assertThat(lastWeek).contains("## Week of 2031-03-03, sales",
        "- Done: Call back every cancelled order (sam, due 2031-03-06, done: Called all four customers.)",
        "- Open: Simplify the quote template (sarah, due 2031-03-12)");
  }
}
