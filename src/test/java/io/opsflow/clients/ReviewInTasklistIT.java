package io.opsflow.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.ProcessDriver;
import io.opsflow.review.ReviewWeeks;
import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A lead reviews last week in Tasklist: the form shows the week, and one improvement action entered
 * in the form's dynamic list becomes a task of its owner.
 */
@OpsflowSpringTest
class ReviewInTasklistIT {

  @RegisterExtension
  static final Browser browser = new Browser();
  @RegisterExtension
  final ProcessDriver driver = new ProcessDriver();
  @RegisterExtension
  final ReviewWeeks weeks = new ReviewWeeks();

  @Test
  void aLeadAgreesAnActionInTheReviewForm() {
    ProcessInstance week = weeks.startAt(driver.at("2031-03-03T09:00"));
    Task review = weeks.reviewOf(week, "sarah");
    Tasklist tasklist = new Tasklist(browser);
    browser.viewport(1400, 1600); // the review's form is long: its buttons in view

    tasklist.logIn("sarah");
    tasklist.openFilter("My tasks");
    tasklist.openTask("Review last week", review.getId());
    assertThat(tasklist.form().text()).contains("Week of 2031-02-24, sales", "Figures against targets");
    tasklist.form().type("Decisions", "Call back cancelled orders.")
        .type("Action", "Call back every cancelled order").type("Owner (user id)", "sam")
        .date("Due date", LocalDate.parse("2031-03-06"));
    tasklist.save();
    tasklist.complete();

    assertThat(weeks.actionsOf(week)).extracting(Task::getName, Task::getAssignee, Task::getDueDate)
        .containsExactly(tuple("Call back every cancelled order", "sam", driver.at("2031-03-06T17:00")));
  }
}
