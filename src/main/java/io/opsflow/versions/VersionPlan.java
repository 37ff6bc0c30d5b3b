package io.opsflow.versions;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * How the running instances of one older version reach the newest: the engine's migration plan
 * (null when the mappings cannot be planned, then {@code problem} says why), the running instances
 * and those of them that cannot go, by instance id.
 */
record VersionPlan(ProcessDefinition from, ProcessDefinition to, MigrationPlan plan, String problem,
    List<String> instanceIds, Map<String, Blocked> blocked) {

  /** An instance that stays where it is, and why, in plain words. */
  record Blocked(String instanceId, String businessKey, String activityId, String reason) {}

  /** The instances that can go; none when the version cannot be planned. */
  List<String> migratable() {
    return plan == null ? List.of() : instanceIds.stream().filter(id -> !blocked.containsKey(id)).toList();
  }
}
