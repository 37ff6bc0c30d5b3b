package io.opsflow.sla;

import java.time.Instant;
import java.util.List;

/**
 * Published in the transaction that escalates an overdue task to the managers, once per task.
 *
 * @param businessKey the case the task belongs to (an order id, ...), or null
 * @param due when the task was due, or null
 * @param assignee who holds the task, or null
 * @param managers the user ids it was escalated to
 */
public record TaskEscalated(String taskId, String taskName, String processName, String businessKey, Instant due,
    String assignee, List<String> managers, Instant escalatedAt) {}
