package io.opsflow.sla;

import java.util.Date;
import java.util.List;

/** What a mail about a task tells: which task, of which process and case, due when, whose. */
record TaskFacts(String taskId, String name, String processKey, String processName, String businessKey, Date due, String assignee,
    List<String> candidateGroups, List<String> candidateUsers) {

  boolean isAssigned() {
    return assignee != null;
  }
}
