package io.opsflow.platform;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * The engine's history level {@code opsflow} ({@code camunda.bpm.history-level}): everything of
 * {@code full} (insight reads variable updates and assignee changes, Cockpit the incidents),
 * except
 * <ul>
 *   <li>the job log of jobs that go as planned: created, succeeded, deleted. Only Cockpit
 *   Enterprise shows that log; here it was two rows per job that nothing reads. Failed attempts
 *   stay logged, with their exception;</li>
 *   <li>the form fields of a form submission ({@code HistoricFormField}, a row in
 *   {@code ACT_HI_DETAIL} per submitted field): copies of the variable updates the same submission
 *   writes, which stay (insight's timeline reads those as the step's form data). Nothing reads the
 *   copies; each was one more row in the history table with the most indexes.</li>
 * </ul>
 *
 * <p>It has full's id: the database holds a subset of what full writes, so a database moves
 * between {@code full} and {@code opsflow} either way without the engine's history level check
 * refusing to start.
 */
final class OpsflowHistoryLevel extends AbstractHistoryLevel {

  static final String NAME = "opsflow";
  private static final Set<HistoryEventType> NOT_RECORDED = Set.of(HistoryEventTypes.JOB_CREATE,
      HistoryEventTypes.JOB_SUCCESS, HistoryEventTypes.JOB_DELETE, HistoryEventTypes.FORM_PROPERTY_UPDATE);

  @Override
  public int getId() {
    return HistoryLevel.HISTORY_LEVEL_FULL.getId();
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    return !NOT_RECORDED.contains(eventType);
  }
}
