package io.opsflow.onboarding;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A hire as the API shows it: personal data, status, and who prepared what when. */
record HireView(long id, String name, String email, String role, String department, String managerId,
    LocalDate startDate, LocalDate probationEndsOn, HireStatus status, String processInstanceId,
    String recordedBy, Instant recordedAt, List<Equipment> equipment, List<Step> steps) {

  record Equipment(String item, String preparedBy, Instant preparedAt) {}

  @Schema(name = "HireStep")
  record Step(OnboardingStep step, String detail, String doneBy, Instant doneAt) {}

  /** A line of the hire list. */
  @Schema(name = "HireSummary")
  record Summary(long id, String name, String role, String department, String managerId, LocalDate startDate,
      HireStatus status) {

    static Summary of(Hire hire) {
      return new Summary(hire.id(), hire.name(), hire.role(), hire.department(), hire.managerId(), hire.startDate(),
          hire.status());
    }
  }

  /** The answer to recording a hire. */
  record Created(long id, String processInstanceId, HireStatus status) {}

  static HireView of(Hire hire) {
    return new HireView(hire.id(), hire.name(), hire.email(), hire.role(), hire.department(), hire.managerId(),
        hire.startDate(), hire.probationEndsOn(), hire.status(), hire.processInstanceId(), hire.recordedBy(),
        hire.recordedAt(),
        hire.equipment().stream().map(item -> new Equipment(item.item(), item.preparedBy(), item.preparedAt())).toList(),
        hire.steps().stream().map(step -> new Step(step.step(), step.detail(), step.doneBy(), step.doneAt())).toList());
  }
}
