package io.opsflow.review;

import io.opsflow.platform.OpsflowGroups;
import io.opsflow.platform.ProcessAccess;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Nobody starts the weekly review: its timer does, every Monday. Management (the leads) takes part;
 * an action's owner works it as their assignment, whatever their department.
 */
@Configuration
class WeeklyReviewConfiguration {

  @Bean
  ProcessAccess weeklyReviewAccess() {
    return new ProcessAccess(WeeklyReview.PROCESS_KEY, Set.of(), Set.of(OpsflowGroups.MANAGEMENT));
  }
}
