package io.opsflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsflow.OpsflowSpringTest;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Models with impossible SLAs are refused when they are deployed, naming the element. */
@OpsflowSpringTest
class SlaParseListenerTest {

  @Autowired RepositoryService repositoryService;

  @Test
  void aNegativeDueDateIsRefusedAtDeployment() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("Process_NegativeSla").camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_CheckInvoice").camundaCandidateGroups("finance")
        .camundaDueDate("${sla.workingHours('-PT8H')}").endEvent().done();

    assertThatThrownBy(() -> deploy(model)).isInstanceOf(ParseException.class).satisfies(e -> assertThat(
        ((ParseException) e).getResorceReports().get(0).getErrors().get(0).getMainElementId()).isEqualTo("Task_CheckInvoice"))
        .hasMessageContaining("camunda:dueDate sla.workingHours('-PT8H'): the duration must not be negative");
  }

  @Test
  void aNegativeTimerIsRefusedAtDeployment() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("Process_NegativeTimer").camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_CheckInvoice").camundaCandidateGroups("finance")
        .boundaryEvent("Timer_CheckInvoiceEscalation").cancelActivity(false).timerWithDate("${sla.workingDays(-1)}")
        .endEvent().done();

    assertThatThrownBy(() -> deploy(model)).isInstanceOf(ParseException.class)
        .hasMessageContaining("timeDate sla.workingDays(-1): the number of working days must not be negative");
  }

  private void deploy(BpmnModelInstance model) {
    repositoryService.createDeployment().name("negative-sla-test").addModelInstance("negative-sla.bpmn", model).deploy();
  }
}
