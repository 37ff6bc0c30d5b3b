package io.opsflow.changes;

import java.time.LocalDate;

/**
 * Published in the transaction that approves a change (as a standard change, or by its last
 * approver): it may be rolled out on its planned date. Listeners (webhooks) write in that transaction.
 */
public record ChangeApproved(long changeId, String title, String owner, LocalDate plannedRolloutDate) {}
