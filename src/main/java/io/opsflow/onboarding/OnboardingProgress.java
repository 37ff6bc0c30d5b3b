package io.opsflow.onboarding;

import static io.opsflow.onboarding.EmployeeOnboarding.LOCAL_HIRE_DEPARTMENT;
import static io.opsflow.onboarding.EmployeeOnboarding.LOCAL_HIRE_MANAGER;
import static io.opsflow.onboarding.EmployeeOnboarding.LOCAL_HIRE_NAME;
import static io.opsflow.onboarding.EmployeeOnboarding.LOCAL_HIRE_ROLE;
import static io.opsflow.onboarding.EmployeeOnboarding.LOCAL_HIRE_START_DATE;
import static io.opsflow.onboarding.EmployeeOnboarding.LOCAL_PROBATION_ENDS_ON;

import io.opsflow.platform.Organisation;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the onboarding process records about a hire as it goes, in the process's transaction. */
@Service
@Transactional
class OnboardingProgress {

  private final HireRepository hires;
  private final OnboardingProperties properties;
  private final Organisation organisation;
  private final ApplicationEventPublisher events;

  OnboardingProgress(HireRepository hires, OnboardingProperties properties, Organisation organisation,
      ApplicationEventPublisher events) {
    this.hires = hires;
    this.properties = properties;
    this.organisation = organisation;
    this.events = events;
  }

  /** The first day has come; publishes {@link HireStarted} in the step's transaction. */
  void started(long hireId, String processInstanceId) {
    Hire hire = hires.inInstance(hireId, processInstanceId);
    hire.started();
    events.publishEvent(new HireStarted(hire.id(), hire.name(), hire.role(), hire.department(), hire.startDate()));
  }

  void confirmed(long hireId, String processInstanceId) {
    hires.inInstance(hireId, processInstanceId).confirmed();
  }

  void ended(long hireId, String processInstanceId) {
    hires.inInstance(hireId, processInstanceId).ended();
  }

  /** Adds another probation period; its review follows at the new end. */
  void extendProbation(long hireId, String processInstanceId) {
    hires.inInstance(hireId, processInstanceId).extendProbation(properties.probationPeriod());
  }

  void done(long hireId, String processInstanceId, OnboardingStep step, String detail, String doneBy) {
    hires.inInstance(hireId, processInstanceId).done(step, detail, doneBy, ClockUtil.now().toInstant());
  }

  /** Whether IT or facilities have not finished their preparation. */
  @Transactional(readOnly = true)
  boolean isPreparationLate(long hireId, String processInstanceId) {
    return LatePreparation.of(hires.inInstance(hireId, processInstanceId)).isLate();
  }

  /** What a task form shows about the hire, for a task of the hire's own process instance. */
  @Transactional(readOnly = true)
  Map<String, Object> taskDetails(long hireId, String processInstanceId) {
    Hire hire = hires.inInstance(hireId, processInstanceId);
    return Map.of(
        LOCAL_HIRE_NAME, hire.name(),
        LOCAL_HIRE_ROLE, hire.role(),
        LOCAL_HIRE_DEPARTMENT, hire.department(),
        LOCAL_HIRE_START_DATE, hire.startDate().toString(),
        LOCAL_HIRE_MANAGER, organisation.user(hire.managerId()).map(OnboardingProgress::fullName).orElse(hire.managerId()),
        LOCAL_PROBATION_ENDS_ON, hire.probationEndsOn().toString());
  }

  static String fullName(User user) {
    return (user.getFirstName() + " " + user.getLastName()).strip();
  }
}
