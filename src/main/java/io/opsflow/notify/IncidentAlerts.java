package io.opsflow.notify;

import io.opsflow.platform.CalendarDates;
import io.opsflow.platform.OpsflowGroups;
import io.opsflow.platform.OpsflowProperties;
import io.opsflow.platform.Organisation;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/** Tells the administrators ({@code camunda-admin}) about each new incident, once. */
@Service
class IncidentAlerts {


  private final Notifications notifications;
  private final Organisation organisation;
  private final ProcessEngine processEngine;
  private final OpsflowProperties properties;
  private final CalendarDates dates;

  IncidentAlerts(Notifications notifications, Organisation organisation, ProcessEngine processEngine,
      OpsflowProperties properties, CalendarDates dates) {
    this.notifications = notifications;
    this.organisation = organisation;
    this.processEngine = processEngine;
    this.properties = properties;
    this.dates = dates;
  }

  /** Called in the transaction that creates the incident. */
  void created(Incident incident) {
    List<String> admins = organisation.membersOf(OpsflowGroups.ADMINISTRATORS);
    String process = processName(incident.getProcessDefinitionId());
    String businessKey = businessKey(incident.getProcessInstanceId());
    String where = process + (businessKey == null ? "" : " " + businessKey);
    notifications.send(new OutgoingMail("incident-" + incident.getId(), admins,
        "Incident in " + where + ": " + firstLine(incident.getIncidentMessage()),
        "Hello,\n\n"
            + "a step of a process failed after all its retries and waits for an administrator.\n\n"
            + line("Process", process)
            + line("Business key", businessKey == null ? "none" : businessKey)
            + line("Step", incident.getActivityId())
            + line("Type", incident.getIncidentType())
            + line("Error", firstLine(incident.getIncidentMessage()))
            + line("When", dates.time(incident.getIncidentTimestamp()))
            + "\nFix the cause, then retry the step in Cockpit:\n" + cockpitLink(incident) + "\n"
            + "\n-- \nOpsflow\n"));
  }

  private String cockpitLink(Incident incident) {
    String base = properties.link("/camunda/app/cockpit/") + processEngine.getName() + "/#/";
    return incident.getProcessInstanceId() == null ? base + "processes"
        : base + "process-instance/" + incident.getProcessInstanceId() + "/runtime";
  }

  private String processName(String processDefinitionId) {
    if (processDefinitionId == null) {
      return "no process";
    }
    ProcessDefinition definition = processEngine.getRepositoryService().getProcessDefinition(processDefinitionId);
    return definition.getName() != null ? definition.getName() : definition.getKey();
  }

  private String businessKey(String processInstanceId) {
    if (processInstanceId == null) {
      return null;
    }
    ProcessInstance instance = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    return instance == null ? null : instance.getBusinessKey();
  }

  private static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "no message";
    }
    String first = message.strip().lines().findFirst().orElse("");
    return first.length() > 150 ? first.substring(0, 150) + "..." : first;
  }

  private static String line(String label, String value) {
    return String.format("  %-14s%s", label + ":", value) + "\n";
  }
}
