package io.opsflow.onboarding;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Who did which onboarding step when; with a detail where the step has one (the probation outcome). */
@Embeddable
class CompletedStep {

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 40)
  private OnboardingStep step;
  @Column(length = 100)
  private String detail;
  @Column(length = 64)
  private String doneBy;
  @Column(nullable = false)
  private Instant doneAt;

  protected CompletedStep() {}

  CompletedStep(OnboardingStep step, String detail, String doneBy, Instant doneAt) {
    this.step = step;
    this.detail = detail;
    this.doneBy = doneBy;
    this.doneAt = doneAt;
  }

  OnboardingStep step() {
    return step;
  }

  String detail() {
    return detail;
  }

  String doneBy() {
    return doneBy;
  }

  Instant doneAt() {
    return doneAt;
  }
}
