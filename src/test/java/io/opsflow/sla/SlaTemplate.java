package io.opsflow.sla;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/** Writes into a model what the element template "SLA'd user task" writes in Modeler. */
final class SlaTemplate {

  private SlaTemplate() {}

  /** Gives the task the SLA's grace period and, unless null, the escalation code to throw. */
  static BpmnModelInstance apply(BpmnModelInstance model, String taskId, String gracePeriod, String escalationCode) {
    UserTask task = model.getModelElementById(taskId);
    CamundaProperties properties = model.newInstance(CamundaProperties.class);
    properties.addChildElement(property(model, TaskSla.GRACE_PERIOD, gracePeriod));
    if (escalationCode != null) {
      properties.addChildElement(property(model, TaskSla.ESCALATION_CODE, escalationCode));
    }
    task.builder().addExtensionElement(properties);
    return model;
  }

  private static CamundaProperty property(BpmnModelInstance model, String name, String value) {
    CamundaProperty property = model.newInstance(CamundaProperty.class);
    property.setCamundaName(name);
    property.setCamundaValue(value);
    return property;
  }
}
