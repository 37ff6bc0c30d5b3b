package io.opsflow.onboarding;

import io.opsflow.platform.ApiException;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the manager decided at the probation review ({@code probationOutcome} on its form); the
 * hire keeps it until the process has acted on it.
 */
enum ProbationOutcome {
  PASS, EXTEND, END;

  /** The outcome as the form submits it ({@code pass}, {@code extend}, {@code end}), or a 400 naming the field. */
  static ProbationOutcome of(String value) {
    return Arrays.stream(values()).filter(outcome -> outcome.name().toLowerCase(Locale.ROOT).equals(value)).findFirst()
        .orElseThrow(() -> ApiException.badField(EmployeeOnboarding.FORM_PROBATION_OUTCOME,
            "'" + value + "' is not one of pass, extend, end"));
  }
}
