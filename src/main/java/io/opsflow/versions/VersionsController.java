package io.opsflow.versions;

import io.opsflow.versions.InstanceRepairs.InstanceSteps;
import io.opsflow.versions.ProcessMigrations.MigrationReport;
import io.opsflow.versions.ProcessMigrations.VersionCount;
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
class VersionsController {

  /** The body of a migration and a retry. */
  record Reason(String reason) {}

  record Move(String from, String to, String reason) {}

  private final ProcessMigrations migrations;
  private final InstanceRepairs repairs;

  VersionsController(ProcessMigrations migrations, InstanceRepairs repairs) {
    this.migrations = migrations;
    this.repairs = repairs;
  }

  @GetMapping("/processes/{key}/versions")
  List<VersionCount> versions(@PathVariable String key) {
    return migrations.versions(key);
  }

  @PostMapping("/processes/{key}/migration")
  MigrationReport migrate(@PathVariable String key, @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestBody(required = false) Reason body) {
    return dryRun ? migrations.dryRun(key) : migrations.migrate(key, body == null ? null : body.reason());
  }

  @GetMapping("/instances/{id}/steps")
  InstanceSteps steps(@PathVariable String id) {
    return repairs.steps(id);
  }

  @PostMapping("/instances/{id}/move")
  InstanceSteps move(@PathVariable String id, @RequestBody Move move) {
    return repairs.move(id, move.from(), move.to(), move.reason());
  }

  @PostMapping("/instances/{id}/retry")
  InstanceSteps retry(@PathVariable String id, @RequestBody(required = false) Reason body) {
    return repairs.retry(id, body == null ? null : body.reason());
  }
}
