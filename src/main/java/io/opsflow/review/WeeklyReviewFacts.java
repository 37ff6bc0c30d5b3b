package io.opsflow.review;

import io.opsflow.platform.ApiException;
import io.opsflow.platform.WorkingCalendar;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What {@code processes/weekly-review.bpmn} reads of its reviews and actions, by method expression:
 * the reviews of an instance and the actions of a review (multi-instance collections), who works
 * each task and when an action is due. Public because the engine's expression language calls it.
 */
@Component("weeklyReviewFacts")
@Transactional(readOnly = true)
public class WeeklyReviewFacts {

  private final DepartmentReviewRepository reviews;
  private final ImprovementActionRepository actions;
  private final WorkingCalendar calendar;

  WeeklyReviewFacts(DepartmentReviewRepository reviews, ImprovementActionRepository actions, WorkingCalendar calendar) {
    this.reviews = reviews;
    this.actions = actions;
    this.calendar = calendar;
  }

  /** The department reviews "Plan reviews" made for this instance. */
  public List<Long> reviewIds(String processInstanceId) {
    return reviews.findByProcessInstanceIdOrderByDepartment(processInstanceId).stream().map(DepartmentReview::id).toList();
  }

  /** Who reviews: the department's lead when the review began. */
  public String lead(Long reviewId) {
    return review(reviewId).lead();
  }

  public List<Long> actionIds(Long reviewId) {
    return actions.findByReviewIdOrderById(reviewId).stream().map(ImprovementAction::id).toList();
  }

  public String owner(Long actionId) {
    return action(actionId).owner();
  }

  /** An action is due at the close of business of its date (of the next working day if that is none). */
  public Date dueDate(Long actionId) {
    return Date.from(calendar.plus(action(actionId).dueDate().atStartOfDay(calendar.zone()).toInstant(),
        calendar.workingDay()));
  }

  private DepartmentReview review(Long id) {
    return reviews.findById(id).orElseThrow(() -> ApiException.notFound("review", id));
  }

  private ImprovementAction action(Long id) {
    return actions.findById(id).orElseThrow(() -> ApiException.notFound("action", id));
  }
}
