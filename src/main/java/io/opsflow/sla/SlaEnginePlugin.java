package io.opsflow.sla;

import io.opsflow.platform.WorkingCalendar;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Adds the SLA parse listener to the engine (every user task of every process is covered) and the
 * parse that builds the SLA ladder into SLA'd tasks ({@link SlaBpmnParse}).
 */
@Component
class SlaEnginePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<TaskArrival> taskArrival;
  private final ObjectProvider<SlaLadder> ladder;
  private final WorkingCalendar calendar;

  SlaEnginePlugin(ObjectProvider<TaskArrival> taskArrival, ObjectProvider<SlaLadder> ladder, WorkingCalendar calendar) {
    this.taskArrival = taskArrival;
    this.ladder = ladder;
    this.calendar = calendar;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new SlaParseListener(new TaskArrivalListener(taskArrival)));
    configuration.setBpmnParseFactory(parser -> new SlaBpmnParse(parser, calendar, ladder));
  }
}
