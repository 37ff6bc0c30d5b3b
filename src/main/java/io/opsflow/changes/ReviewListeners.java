package io.opsflow.changes;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The two review tasks record the same way, each as its own kind of review. */
@Configuration
class ReviewListeners {

  @Bean
  TaskListener recordFailureReviewListener(ChangeRequests changes) {
    return new RecordReviewListener(changes, Review.Kind.FAILURE);
  }

  @Bean
  TaskListener recordImplementationReviewListener(ChangeRequests changes) {
    return new RecordReviewListener(changes, Review.Kind.POST_IMPLEMENTATION);
  }
}
