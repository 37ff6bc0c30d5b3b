package io.opsflow.versions;

import io.opsflow.platform.ApiException;
import io.opsflow.platform.EngineIdentity;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.history.UserOperationLogQuery;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What every change to running work asks of the person who makes it: to be an administrator and
 * to give a reason, which is kept as the annotation of the engine's user operation log entries of
 * the change (Cockpit's and insight's history show it with who and when).
 */
@Component
class Operators {

  static final int MAX_REASON = 1000;

  private final EngineIdentity engineIdentity;
  private final HistoryService historyService;

  Operators(EngineIdentity engineIdentity, HistoryService historyService) {
    this.engineIdentity = engineIdentity;
    this.historyService = historyService;
  }

  /** 403 for anyone but an administrator. */
  void requireAdministrator(String what) {
    if (!engineIdentity.currentUserIsAdministrator()) {
      throw new ApiException(HttpStatus.FORBIDDEN, what + " is for administrators (camunda-admin) only");
    }
  }

  /** The reason, trimmed; 400 naming the field when it is missing or too long. */
  static String requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw ApiException.badField("reason", "is required: say why running work is changed, it is kept in the"
          + " instance's history");
    }
    if (reason.length() > MAX_REASON) {
      throw ApiException.badField("reason", "must be at most " + MAX_REASON + " characters");
    }
    return reason.strip();
  }

  /**
   * Runs a change and annotates the operation log entries it wrote, the entries being those of
   * {@code entries} that were not there before.
   */
  void annotated(Supplier<UserOperationLogQuery> entries, String reason, Runnable change) {
    Set<String> before = operationIds(entries.get());
    change.run();
    operationIds(entries.get()).stream().filter(id -> !before.contains(id))
        .forEach(id -> historyService.setAnnotationForOperationLogById(id, reason));
  }

  private static Set<String> operationIds(UserOperationLogQuery query) {
    UserOperationLogQuery ordered = query.orderByTimestamp().asc();
    List<UserOperationLogEntry> entries = Pages.all(ordered::listPage);
    return entries.stream().map(UserOperationLogEntry::getOperationId).collect(Collectors.toSet());
  }
}
