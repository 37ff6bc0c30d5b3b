package io.opsflow.review;

import static io.opsflow.insight.DemoScenario.minutes;

import io.opsflow.insight.DemoScenario;
import io.opsflow.insight.HistorySimulation;
import io.opsflow.platform.Organisation;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo history of the weekly review: every Monday at 09:00 the reviews begin (as the timer would
 * start them); leads mostly review on Monday, now and then only on Tuesday afternoon (escalated),
 * and agree one or two actions for their people; owners carry most of them out within a week or
 * so, some late, some not yet.
 */
@Component
@Profile("demo & !test & !prod")
class WeeklyReviewDemo implements DemoScenario {

  private static final List<String> IDEAS = List.of("Check the waiting tasks every morning",
      "Write down how the slowest step is done", "Ask customers why orders were cancelled",
      "Agree who stands in during absences", "Clear the oldest open tasks", "Shorten the hand-over between shifts");

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final DepartmentReviewRepository reviews;
  private final Organisation organisation;

  WeeklyReviewDemo(RuntimeService runtimeService, TaskService taskService, DepartmentReviewRepository reviews,
      Organisation organisation) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.reviews = reviews;
    this.organisation = organisation;
  }

  @Override
  public String processKey() {
    return WeeklyReview.PROCESS_KEY;
  }

  @Override
  public void schedule(HistorySimulation simulation, Instant from, Instant to, Random random) {
    for (LocalDate day : DemoScenario.workingDays(from, to)) {
      if (day.getDayOfWeek() == DayOfWeek.MONDAY) {
        simulation.start(DemoScenario.at(day, 9, 1, random), null, "weekly review",
            () -> runtimeService.startProcessInstanceByKey(WeeklyReview.PROCESS_KEY));
      }
    }
  }

  @Override
  public Optional<TaskPlan> plan(Task task, Random random) {
    if (DemoScenario.stillOpen(task) || task.getAssignee() == null) {
      return Optional.empty();
    }
    if (WeeklyReview.TASK_REVIEW_LAST_WEEK.equals(task.getTaskDefinitionKey())) {
      Duration wait = random.nextInt(5) == 0 ? Duration.ofHours(30) : minutes(30, 300, random);
      return Optional.of(new TaskPlan(task.getAssignee(), wait, minutes(20, 60, random), Map.of(
          WeeklyReview.FORM_DECISIONS, "Went through last week with the team.",
          WeeklyReview.FORM_ACTIONS, actions(task, random).toString())));
    }
    if (random.nextInt(5) == 0) {
      return Optional.empty(); // not carried out yet: open, and late after its due date
    }
    return Optional.of(new TaskPlan(task.getAssignee(), minutes(60, 3 * 24 * 60, random), minutes(60, 5 * 24 * 60, random),
        Map.of(WeeklyReview.FORM_RESULT, "Done; the team knows.")));
  }

  /** One or two actions for people of the lead's department, due in a week or two. */
  private Object actions(Task task, Random random) {
    Long reviewId = (Long) taskService.getVariable(task.getId(), WeeklyReview.VAR_REVIEW_ID);
    DepartmentReview review = reviews.findById(reviewId).orElseThrow();
    List<String> people = new ArrayList<>(organisation.membersOf(review.department()));
    people.add(review.lead());
    LocalDate today = LocalDate.ofInstant(task.getCreateTime().toInstant(), ZoneId.systemDefault());
    List<Map<String, String>> actions = new ArrayList<>();
    for (int i = 0; i <= random.nextInt(2); i++) {
      actions.add(Map.of(WeeklyReview.FORM_ACTION_TITLE, IDEAS.get(random.nextInt(IDEAS.size())),
          WeeklyReview.FORM_ACTION_OWNER, people.get(random.nextInt(people.size())),
          WeeklyReview.FORM_ACTION_DUE_DATE, today.plusDays(7 + random.nextInt(7)).toString()));
    }
    return Spin.JSON(actions);
  }
}
