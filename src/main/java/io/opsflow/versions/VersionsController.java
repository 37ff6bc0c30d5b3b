package io.opsflow.versions;

import io.opsflow.versions.InstanceRepairs.InstanceSteps;
import io.opsflow.versions.ProcessMigrations.MigrationReport;
import io.opsflow.versions.ProcessMigrations.VersionCount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Changing running work, for administrators (docs/changing-a-process.md). The services check rights and input. */
@RestController
@RequestMapping("/api")
@Tag(name = "Running work")
class VersionsController {

  /** The body of a migration and a retry. */
  record Reason(@Schema(description = "Why running work is changed; kept in the history. Required, except for a dry run",
      maxLength = Operators.MAX_REASON, example = "Parcel stuck after the carrier outage") String reason) {}

  record Move(
      @Schema(requiredMode = RequiredMode.REQUIRED, description = "The step the instance waits in", example = "Task_PickAndPackOrder") String from,
      @Schema(requiredMode = RequiredMode.REQUIRED, description = "The step to move it to", example = "Task_ShipOrder") String to,
      @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = Operators.MAX_REASON, example = "Packed by hand after the scanner failed") String reason) {}

  private final ProcessMigrations migrations;
  private final InstanceRepairs repairs;

  VersionsController(ProcessMigrations migrations, InstanceRepairs repairs) {
    this.migrations = migrations;
    this.repairs = repairs;
  }

  @Operation(operationId = "listVersions", summary = "How many instances run on each version of a process")
  @GetMapping("/processes/{key}/versions")
  List<VersionCount> versions(@PathVariable String key) {
    return migrations.versions(key);
  }

  @Operation(operationId = "migrateProcess", summary = "Move the running instances to the latest version (or only try: dryRun)")
  @PostMapping("/processes/{key}/migration")
  MigrationReport migrate(@PathVariable String key, @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestBody(required = false) Reason body) {
    return dryRun ? migrations.dryRun(key) : migrations.migrate(key, body == null ? null : body.reason());
  }

  @Operation(operationId = "getInstanceSteps", summary = "Where an instance waits, and the steps it could be moved to")
  @GetMapping("/instances/{id}/steps")
  InstanceSteps steps(@PathVariable String id) {
    return repairs.steps(id);
  }

  @Operation(operationId = "moveInstance", summary = "Move an instance from one step to another")
  @PostMapping("/instances/{id}/move")
  InstanceSteps move(@PathVariable String id, @RequestBody Move move) {
    return repairs.move(id, move.from(), move.to(), move.reason());
  }

  @Operation(operationId = "retryInstance", summary = "Retry an instance's failed job")
  @PostMapping("/instances/{id}/retry")
  InstanceSteps retry(@PathVariable String id, @RequestBody(required = false) Reason body) {
    return repairs.retry(id, body == null ? null : body.reason());
  }
}
