package io.opsflow.changes;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A change as it is requested, through {@code POST /api/changes} or the Tasklist start form. Levels
 * and the date (ISO, {@code 2026-05-04}) are text here, checked by {@link ChangeRequests} so that
 * both ways in get the same answers.
 */
record ChangeDraft(
    @NotBlank @Size(max = 255) String title,
    @Size(max = 4000) String description,
    @NotBlank String owner,
    @NotEmpty List<@NotBlank String> affectedTeams,
    @NotBlank String impact,
    @NotBlank String urgency,
    @NotBlank String plannedRolloutDate,
    @NotBlank @Size(max = 4000) String rollbackPlan) {}
