package io.opsflow.notify;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Replaces the engine's incident handlers for failed jobs and external tasks by alerting ones. */
@Component
class NotifyEnginePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<IncidentAlerts> alerts;

  NotifyEnginePlugin(ObjectProvider<IncidentAlerts> alerts) {
    this.alerts = alerts;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomIncidentHandlers() == null) {
      configuration.setCustomIncidentHandlers(new ArrayList<>());
    }
    configuration.getCustomIncidentHandlers().add(new AlertingIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE, alerts));
    configuration.getCustomIncidentHandlers().add(
        new AlertingIncidentHandler(Incident.EXTERNAL_TASK_HANDLER_TYPE, alerts));
  }
}
