package io.opsflow.onboarding;

import static io.opsflow.onboarding.EmployeeOnboarding.GROUP_FACILITIES;
import static io.opsflow.onboarding.EmployeeOnboarding.GROUP_HR;
import static io.opsflow.onboarding.EmployeeOnboarding.GROUP_IT;
import static io.opsflow.onboarding.EmployeeOnboarding.PROCESS_KEY;

import io.opsflow.platform.ProcessAccess;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class OnboardingConfiguration {

  /** HR starts onboardings; IT, facilities and management take part. */
  @Bean
  ProcessAccess employeeOnboardingAccess() {
    return new ProcessAccess(PROCESS_KEY, Set.of(GROUP_HR), Set.of(GROUP_IT, GROUP_FACILITIES, HireAccess.MANAGEMENT));
  }
}
