package io.opsflow.sla;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The SLA of a user task as the element template "SLA'd user task" writes it: the due date
 * ({@code camunda:dueDate}), the grace period until escalation and, if the process reacts to the
 * escalation, the code of the BPMN escalation to throw (both {@code camunda:property}; an empty
 * code means the process does not react).
 */
record TaskSla(GracePeriod gracePeriod, Optional<String> escalationCode) {

  static final String GRACE_PERIOD = "slaGracePeriod";
  static final String ESCALATION_CODE = "slaEscalationCode";

  /**
   * The task's SLA, or empty for a task without a grace period (a plain due date, or an old version
   * whose ladder is drawn). Refuses an SLA that cannot work, naming the element.
   */
  static Optional<TaskSla> of(Element userTask) {
    Map<String, String> properties = BpmnParseUtil.parseCamundaExtensionProperties(userTask);
    if (properties == null) {
      return Optional.empty();
    }
    Optional<String> escalationCode = Optional.ofNullable(properties.get(ESCALATION_CODE)).map(String::strip)
        .filter(code -> !code.isEmpty()); // Modeler may keep an emptied field as an empty property
    if (!properties.containsKey(GRACE_PERIOD)) {
      if (escalationCode.isPresent()) {
        throw new BpmnParseException(ESCALATION_CODE + " needs an SLA: set " + GRACE_PERIOD + " too", userTask);
      }
      return Optional.empty();
    }
    if (userTask.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "dueDate") == null) {
      throw new BpmnParseException("an SLA needs a due date: set camunda:dueDate", userTask);
    }
    GracePeriod gracePeriod;
    try {
      gracePeriod = GracePeriod.parse(properties.get(GRACE_PERIOD));
    } catch (IllegalArgumentException e) {
      throw new BpmnParseException(GRACE_PERIOD + ": " + e.getMessage(), userTask);
    }
    return Optional.of(new TaskSla(gracePeriod, escalationCode));
  }
}
