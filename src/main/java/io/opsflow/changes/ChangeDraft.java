package io.opsflow.changes;

import io.opsflow.platform.OneLine;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
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
    @Schema(example = "Move the mail server to the new hosting") @NotBlank @Size(max = 255) @OneLine String title,
    @Size(max = 4000) String description,
    @Schema(description = "The user who owns the change", example = "irene") @NotBlank @Size(max = 64) String owner,
    @ArraySchema(schema = @Schema(description = "A department id", example = "sales")) @NotEmpty @Size(max = 20)
    List<@NotBlank @Size(max = 64) String> affectedTeams,
    @Schema(allowableValues = {"low", "medium", "high"}, example = "medium") @NotBlank @Size(max = 32) String impact,
    @Schema(allowableValues = {"low", "medium", "high"}, example = "low") @NotBlank @Size(max = 32) String urgency,
    @Schema(format = "date", description = "Today or later") @NotBlank @Size(max = 32)
    String plannedRolloutDate,
    @Schema(example = "Switch the MX record back to the old server") @NotBlank @Size(max = 4000) String rollbackPlan) {}
