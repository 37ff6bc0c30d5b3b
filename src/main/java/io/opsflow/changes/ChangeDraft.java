package io.opsflow.changes;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** A change as it is requested, through {@code POST /api/changes} or the Tasklist start form. */
record ChangeDraft(
    @NotBlank @Size(max = 255) String title,
    @Size(max = 4000) String description,
    @NotBlank String owner,
    @NotEmpty List<@NotBlank String> affectedTeams,
    @NotBlank String impact,
    @NotBlank String urgency,
    @NotNull LocalDate plannedRolloutDate,
    @NotBlank @Size(max = 4000) String rollbackPlan) {}
