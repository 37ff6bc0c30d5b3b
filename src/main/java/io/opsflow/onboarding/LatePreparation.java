package io.opsflow.onboarding;

import io.opsflow.platform.OpsflowGroups;
import java.util.ArrayList;
import java.util.List;

/**
 * The preparation IT and facilities still owe a hire, by department: what the guard two working
 * days before the start looks at. HR's documents do not hold up the first day.
 */
record LatePreparation(List<String> openForIt, List<String> openForFacilities) {

  static LatePreparation of(Hire hire) {
    List<String> it = new ArrayList<>();
    if (!hire.hasDone(OnboardingStep.ACCOUNTS_CREATED)) {
      it.add("create accounts");
    }
    hire.equipment().stream().filter(item -> !item.isPrepared()).forEach(item -> it.add("prepare " + item.item()));
    List<String> facilities = hire.hasDone(OnboardingStep.WORKPLACE_PREPARED) ? List.of() : List.of("prepare workplace");
    return new LatePreparation(List.copyOf(it), facilities);
  }

  boolean isLate() {
    return !openForIt.isEmpty() || !openForFacilities.isEmpty();
  }

  /** The departments that are late, whose leads hear about it. */
  List<String> lateDepartments() {
    List<String> departments = new ArrayList<>();
    if (!openForIt.isEmpty()) {
      departments.add(OpsflowGroups.IT);
    }
    if (!openForFacilities.isEmpty()) {
      departments.add(OpsflowGroups.FACILITIES);
    }
    return departments;
  }
}
