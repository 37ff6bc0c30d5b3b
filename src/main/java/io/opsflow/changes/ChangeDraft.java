package io.opsflow.changes;

import io.opsflow.platform.OneLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A change as it is requested, through {@code POST /api/changes} or the Tasklist start form. Levels
 * and the date (ISO, {@code 2026-05-04}) are text here, checked by {@link ChangeService} so that
 * both ways in get the same answers.
 */
record ChangeDraft(
    @NotBlank @Size(max = 255) @OneLine String title,
    @Size(max = 4000) String description,
    @NotBlank @Size(max = 64) String owner,
    @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 64) String> affectedTeams,
    @NotBlank @Size(max = 32) String impact,
    @NotBlank @Size(max = 32) String urgency,
    @NotBlank @Size(max = 32) String plannedRolloutDate,
    @NotBlank @Size(max = 4000) String rollbackPlan) {}
