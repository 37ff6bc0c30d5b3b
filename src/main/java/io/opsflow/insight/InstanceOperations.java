package io.opsflow.insight;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;

/**
 * What operators did to one instance, from the engine's user operation log: moves (process
 * instance modifications), retries, suspensions, and the migrations that took it to another
 * version, each with who, when and the reason they gave (the entry's annotation). A migration is
 * logged once for all instances of a version; it concerns this instance when the instance has run
 * on both its source and its target version.
 */
@Component
class InstanceOperations {

  record Operation(Instant time, String userId, String operation, String reason) {}

  private static final String MIGRATED_DEFINITION = "processDefinitionId";

  private final HistoryService historyService;

  InstanceOperations(HistoryService historyService) {
    this.historyService = historyService;
  }

  /** Oldest first; {@code definitionIds} are the versions the instance has run on. */
  List<Operation> of(String processInstanceId, String processDefinitionKey, Set<String> definitionIds) {
    List<UserOperationLogEntry> own = historyService.createUserOperationLogQuery().processInstanceId(processInstanceId)
        .categoryIn(UserOperationLogEntry.CATEGORY_OPERATOR).orderByTimestamp().asc()
        .listPage(0, InstanceTimeline.MAX_ROWS);
    List<UserOperationLogEntry> migrations = historyService.createUserOperationLogQuery()
        .processDefinitionKey(processDefinitionKey).operationType(UserOperationLogEntry.OPERATION_TYPE_MIGRATE)
        .property(MIGRATED_DEFINITION).orderByTimestamp().asc().listPage(0, InstanceTimeline.MAX_ROWS).stream()
        .filter(entry -> definitionIds.contains(entry.getOrgValue()) && definitionIds.contains(entry.getNewValue()))
        .toList();
    Map<String, Operation> byOperation = new LinkedHashMap<>();
    Stream.concat(own.stream(), migrations.stream()).forEach(entry -> byOperation.putIfAbsent(entry.getOperationId(),
        new Operation(entry.getTimestamp().toInstant(), entry.getUserId(), entry.getOperationType(),
            entry.getAnnotation())));
    return byOperation.values().stream().sorted(Comparator.comparing(Operation::time)).toList();
  }
}
