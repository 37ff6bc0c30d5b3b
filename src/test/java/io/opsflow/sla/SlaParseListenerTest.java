package io.opsflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.platform.TestCalendar;
import io.opsflow.platform.WorkingCalendar;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** SLA expressions in models: evaluated on the calendar; impossible ones refused at deployment, naming the element. */
@OpsflowSpringTest
class SlaParseListenerTest {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired WorkingCalendar calendar;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void wellFormedSlaExpressionsAreDeployedAndGiveDatesOnTheCalendar() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("Process_WellFormedSla").camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_PrepareWorkplace").camundaCandidateGroups("facilities")
        .camundaDueDate("${sla.workingDays(2)}").camundaFollowUpDate("${sla.workingDaysBefore(startDate, 1)}")
        .endEvent().done();
    deploy(model);
    ClockUtil.setCurrentTime(Date.from(TestCalendar.at("2031-03-07T16:00", calendar.zone()))); // a Friday

    String instance = runtimeService.startProcessInstanceByKey("Process_WellFormedSla",
        Map.of("startDate", "2031-03-14")).getId();

    Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(task.getDueDate()).isEqualTo(Date.from(TestCalendar.at("2031-03-11T16:00", calendar.zone())));
    assertThat(task.getFollowUpDate()).isEqualTo(Date.from(TestCalendar.at("2031-03-13T09:00", calendar.zone())));
  }

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
