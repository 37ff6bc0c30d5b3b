package io.opsflow.onboarding;

import io.opsflow.platform.OneLine;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A hire as HR enters it: {@code POST /api/hires} or the Tasklist start form. Checked in full by
 * {@link HireRegistration} (known department and manager, a start date such as {@code 2031-06-09}
 * far enough ahead), which also reads the date, so both ways get the same answers.
 */
record HireRequest(
    @Schema(example = "Ada Lovelace") @NotBlank @Size(max = 200) @OneLine String name,
    @Schema(example = "ada@example.com") @NotBlank @Email @Size(max = 200) @OneLine String email,
    @Schema(example = "Accountant") @NotBlank @Size(max = 100) @OneLine String role,
    @Schema(description = "A department id", example = "finance") @NotBlank @Size(max = 64) String department,
    @Schema(description = "The user id of the manager", example = "fiona") @NotBlank @Size(max = 64) String managerId,
    @Schema(format = "date", description = "A working day far enough ahead to prepare")
    @NotBlank @Size(max = 32) String startDate) {}
