package io.opsflow.sla;

import java.util.Date;
import java.util.List;

/** What a mail about a task tells: which task (and step of the process), of which process and case, due when, whose. */
record TaskFacts(String taskId, String name, String stepId, String processKey, String processName, String businessKey, Date due, String assignee,
    List<String> candidateGroups, List<String> candidateUsers) {

  boolean isAssigned() {
    return assignee != null;
  }
}
