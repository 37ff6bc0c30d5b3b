package io.opsflow.sla;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Adds the SLA parse listener to the engine: every user task of every process is covered. */
@Component
class SlaEnginePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<TaskArrival> taskArrival;

  SlaEnginePlugin(ObjectProvider<TaskArrival> taskArrival) {
    this.taskArrival = taskArrival;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new SlaParseListener(new TaskArrivalListener(taskArrival)));
  }
}
