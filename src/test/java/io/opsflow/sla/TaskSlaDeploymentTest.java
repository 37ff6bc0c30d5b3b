package io.opsflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.ProcessDriver;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** The SLA of the template is checked when a model is deployed: what cannot work is refused, naming the task. */
@OpsflowSpringTest
class TaskSlaDeploymentTest {

  static final String TASK = "Task_CheckInvoice";

  @RegisterExtension
  final ProcessDriver driver = new ProcessDriver();

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;

  @Test
  void workingDaysOfGraceCountFromTheDueDate() {
    deploy(SlaTemplate.apply(model(task().camundaDueDate("${sla.workingDays(2)}")), TASK, "P1D", null));
    driver.clockAt("2031-03-07T16:00"); // a Friday

    String instance = runtimeService.startProcessInstanceByKey("Process_InvoiceCheck").getId();

    assertThat(driver.dueDateOf(instance, TASK, SlaStep.REMINDER)).isEqualTo(driver.at("2031-03-11T16:00"));
    assertThat(driver.dueDateOf(instance, TASK, SlaStep.ESCALATION)).isEqualTo(driver.at("2031-03-12T16:00"));
  }

  @Test
  void aNegativeGracePeriodIsRefused() {
    assertRefused(SlaTemplate.apply(model(task().camundaDueDate("${sla.workingHours('PT8H')}")), TASK, "-PT4H", null),
        "slaGracePeriod: grace period '-PT4H' must not be negative");
  }

  @Test
  void aGracePeriodThatIsNoWorkingTimeIsRefused() {
    assertRefused(SlaTemplate.apply(model(task().camundaDueDate("${sla.workingHours('PT8H')}")), TASK, "4 hours", null),
        "slaGracePeriod: grace period '4 hours' is not working time such as PT4H (4 working hours) or P1D (1 working day)");
  }

  @Test
  void aDueDateThatDoesNotParseIsRefused() {
    assertRefused(SlaTemplate.apply(model(task().camundaDueDate("${sla.workingHours('PT8H'}")), TASK, "PT4H", null),
        "camunda:dueDate '${sla.workingHours('PT8H'}' does not parse");
  }

  @Test
  void anSlaWithoutADueDateIsRefused() {
    assertRefused(SlaTemplate.apply(model(task()), TASK, "PT4H", null), "an SLA needs a due date: set camunda:dueDate");
  }

  @Test
  void anEscalationCodeWithoutAnSlaIsRefused() {
    BpmnModelInstance model = SlaTemplate.apply(model(task().camundaDueDate("${sla.workingHours('PT8H')}")), TASK,
        "PT4H", "InvoiceLate");
    model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty.class).stream()
        .filter(p -> p.getCamundaName().equals(TaskSla.GRACE_PERIOD)).findFirst().orElseThrow()
        .setCamundaName("somethingElse");

    assertRefused(model, "slaEscalationCode needs an SLA: set slaGracePeriod too");
  }

  private static UserTaskBuilder task() {
    return Bpmn.createExecutableProcess("Process_InvoiceCheck").camundaHistoryTimeToLive(1).startEvent()
        .userTask(TASK).camundaCandidateGroups("finance");
  }

  private static BpmnModelInstance model(UserTaskBuilder task) {
    return task.endEvent().done();
  }

  private void assertRefused(BpmnModelInstance model, String message) {
    assertThatThrownBy(() -> deploy(model)).isInstanceOf(ParseException.class).hasMessageContaining(message)
        .satisfies(e -> assertThat(((ParseException) e).getResorceReports().get(0).getErrors().get(0).getMainElementId())
            .isEqualTo(TASK));
  }

  private void deploy(BpmnModelInstance model) {
    repositoryService.createDeployment().name("task-sla-test").addModelInstance("task-sla.bpmn", model).deploy();
  }
}
