package io.opsflow.notify;

import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.beans.factory.ObjectProvider;

/** The engine's incident handling, plus an alert for each incident it creates. */
class AlertingIncidentHandler extends DefaultIncidentHandler {

  private final ObjectProvider<IncidentAlerts> alerts;

  AlertingIncidentHandler(String type, ObjectProvider<IncidentAlerts> alerts) {
    super(type);
    this.alerts = alerts;
  }

  @Override
  public Incident handleIncident(IncidentContext context, String message) {
    Incident incident = super.handleIncident(context, message);
    alerts.getObject().created(incident);
    return incident;
  }
}
