package io.opsflow.onboarding;

import static io.opsflow.onboarding.EmployeeOnboarding.PROCESS_KEY;

import io.opsflow.platform.OpsflowGroups;
import io.opsflow.platform.ProcessAccess;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class OnboardingConfiguration {

  /** HR starts onboardings; IT, facilities and management take part. */
  @Bean
  ProcessAccess employeeOnboardingAccess() {
    return new ProcessAccess(PROCESS_KEY, Set.of(OpsflowGroups.HR), Set.of(OpsflowGroups.IT, OpsflowGroups.FACILITIES, OpsflowGroups.MANAGEMENT));
  }
}
