package io.opsflow.onboarding;

import io.opsflow.platform.OneLine;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A hire as HR enters it: {@code POST /api/hires} or the Tasklist start form. Checked in full by
 * {@link HireRegistration} (known department and manager, a start date such as {@code 2031-06-09}
 * far enough ahead), which also reads the date, so both ways get the same answers.
 */
record HireRequest(
    @NotBlank @Size(max = 200) @OneLine String name,
    @NotBlank @Email @Size(max = 200) @OneLine String email,
    @NotBlank @Size(max = 100) @OneLine String role,
    @NotBlank @Size(max = 64) String department,
    @NotBlank @Size(max = 64) String managerId,
    @NotBlank @Size(max = 32) String startDate) {}
