package io.opsflow.changes;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/** A review task completed: "Review what went wrong" or "Post-implementation review" (see {@link ReviewListeners}). */
class RecordReviewListener implements TaskListener {

  private final ChangeRequests changes;
  private final Review.Kind kind;

  RecordReviewListener(ChangeRequests changes, Review.Kind kind) {
    this.changes = changes;
    this.kind = kind;
  }

  @Override
  public void notify(DelegateTask delegateTask) {
    CompletedTask task = CompletedTask.of(delegateTask);
    changes.recordReview(task.changeId(), task.processInstanceId(), kind, task.actor(), task.take(ChangeRollout.FORM_COMMENT));
  }
}
