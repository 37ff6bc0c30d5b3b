package io.opsflow.review;

import io.opsflow.platform.Organisation;
import org.springframework.stereotype.Component;

/**
 * Who may do what in a weekly review. The review is its lead's task and an action its owner's
 * (their assignment, with the platform's task rules: the assignee, their manager or an
 * administrator completes it); the action list in insight is for management and administrators
 * (insight's security chain). Here: who may own an action.
 */
@Component
class ReviewAccess {

  private final Organisation organisation;

  ReviewAccess(Organisation organisation) {
    this.organisation = organisation;
  }

  /** The lead of the review, or a member of the reviewed department. */
  boolean mayOwn(DepartmentReview review, String userId) {
    return userId != null && (userId.equals(review.lead()) || organisation.isMember(userId, review.department()));
  }
}
