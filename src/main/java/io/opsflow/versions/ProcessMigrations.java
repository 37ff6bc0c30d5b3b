package io.opsflow.versions;

import io.opsflow.versions.VersionPlan.Blocked;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.migration.MigrationPlanExecutionBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings the running instances of older versions of a process to the newest version: a dry run
 * that says what would happen, and the migration itself. Up to {@value #IMMEDIATE_LIMIT} instances
 * of a version are migrated within the request; more go as one of the engine's batches, which the
 * job executor works off in the background (the answer names it). Blocked instances stay where
 * they are and work on in their version.
 */
@Service
class ProcessMigrations {

  static final int IMMEDIATE_LIMIT = 100;

  record VersionCount(int version, String processDefinitionId, long running, boolean newest) {}

  /** A batch that migrates the instances of one version in the background. */
  record BatchStarted(String batchId, int fromVersion, int instances) {}

  /** What a migration would do (dry run) or did: {@code migrated} and {@code batches} only for a real one. */
  record MigrationReport(List<Integer> fromVersions, int toVersion, long instances, long migratable,
      List<Blocked> blocked, Integer migrated, List<BatchStarted> batches) {}

  private final MigrationPlanner planner;
  private final Operators operators;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;

  ProcessMigrations(MigrationPlanner planner, Operators operators, RuntimeService runtimeService,
      HistoryService historyService) {
    this.planner = planner;
    this.operators = operators;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
  }

  /** Every version of the process with its running instances, oldest first. */
  @Transactional(readOnly = true)
  public List<VersionCount> versions(String processKey) {
    operators.requireAdministrator("looking at versions for a migration");
    ProcessDefinition newest = planner.newest(processKey);
    return planner.versions(processKey).stream().map(version -> new VersionCount(version.getVersion(), version.getId(),
        runtimeService.createProcessInstanceQuery().processDefinitionId(version.getId()).count(),
        version.getId().equals(newest.getId()))).toList();
  }

  @Transactional(readOnly = true)
  public MigrationReport dryRun(String processKey) {
    operators.requireAdministrator("planning a migration");
    return report(planner.newest(processKey), planner.plans(processKey), null, null);
  }

  /** Migrates every migratable instance of every older version; the reason annotates each version's log entry. */
  @Transactional
  public MigrationReport migrate(String processKey, String reason) {
    operators.requireAdministrator("migrating process instances");
    String why = Operators.requireReason(reason);
    ProcessDefinition newest = planner.newest(processKey);
    List<VersionPlan> plans = planner.plans(processKey);
    int migrated = 0;
    List<BatchStarted> batches = new ArrayList<>();
    for (VersionPlan plan : plans) {
      List<String> instanceIds = plan.migratable();
      if (instanceIds.isEmpty()) {
        continue;
      }
      MigrationPlanExecutionBuilder migration = runtimeService.newMigration(plan.plan()).processInstanceIds(instanceIds);
      boolean immediately = instanceIds.size() <= IMMEDIATE_LIMIT;
      operators.annotated(() -> historyService.createUserOperationLogQuery()
          .operationType(UserOperationLogEntry.OPERATION_TYPE_MIGRATE).processDefinitionId(plan.from().getId()), why,
          immediately ? migration::execute : () -> batches.add(new BatchStarted(migration.executeAsync().getId(),
              plan.from().getVersion(), instanceIds.size())));
      migrated += immediately ? instanceIds.size() : 0;
    }
    return report(newest, plans, migrated, batches);
  }

  private static MigrationReport report(ProcessDefinition newest, List<VersionPlan> plans, Integer migrated,
      List<BatchStarted> batches) {
    return new MigrationReport(plans.stream().map(plan -> plan.from().getVersion()).toList(), newest.getVersion(),
        plans.stream().mapToLong(plan -> plan.instanceIds().size()).sum(),
        plans.stream().mapToLong(plan -> plan.migratable().size()).sum(),
        plans.stream().flatMap(plan -> plan.blocked().values().stream()).toList(), migrated, batches);
  }
}
