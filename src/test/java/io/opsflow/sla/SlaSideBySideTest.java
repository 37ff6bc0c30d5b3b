package io.opsflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.ProcessDriver;
import io.opsflow.notify.TestMailbox;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A process redrawn with the template while instances of its drawn version still run: the old
 * instance keeps its drawn ladder, the new one has the task's own, and each task is reminded and
 * escalated exactly once.
 */
@OpsflowSpringTest
class SlaSideBySideTest {

  @RegisterExtension
  static final TestMailbox mailbox = new TestMailbox();
  @RegisterExtension
  final ProcessDriver driver = new ProcessDriver();

  @Autowired ProcessEngine processEngine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired TaskEscalationRepository escalations;

  @Test
  void anInstanceOfTheDrawnVersionAndOneOfTheTemplateVersionEachGetTheirLadderOnce() {
    init(processEngine);
    driver.clockAt("2031-03-03T10:00");
    repositoryService.createDeployment().name("sla-side-by-side-drawn").enableDuplicateFiltering(false)
        .addClasspathResource("sla/sla-ladder.bpmn").deploy();
    String drawnKey = "drawn-" + UUID.randomUUID();
    ProcessInstance drawn = runtimeService.startProcessInstanceByKey(SlaLadderTest.PROCESS, drawnKey,
        Map.of(SlaLadderTest.FAIL_AFTER_REMINDER, false));
    repositoryService.createDeployment().name("sla-side-by-side-template").enableDuplicateFiltering(false)
        .addModelInstance("sla-ladder.bpmn", templateVersionOfTheLadderTest()).deploy();
    String templateKey = "template-" + UUID.randomUUID();
    ProcessInstance template = runtimeService.startProcessInstanceByKey(SlaLadderTest.PROCESS, templateKey);
    assertThat(template.getProcessDefinitionId()).isNotEqualTo(drawn.getProcessDefinitionId());

    for (ProcessInstance instance : new ProcessInstance[] {drawn, template}) {
      driver.runDueJobsAt(instance.getId(), driver.at("2031-03-04T14:00"));
      driver.runDueJobsAt(instance.getId(), driver.at("2031-03-11T10:00"));
    }

    for (String businessKey : new String[] {drawnKey, templateKey}) {
      mailbox.awaitMails("will", SlaLadderTest.reminderFor(businessKey), 1);
      mailbox.awaitMails("will", SlaLadderTest.escalationOf(businessKey), 1);
    }
    mailbox.awaitOutboxProcessed();
    for (ProcessInstance instance : new ProcessInstance[] {drawn, template}) {
      assertThat(instance).isWaitingAt(SlaLadderTest.TASK);
      assertThat(escalations.findByProcessInstanceId(instance.getId())).singleElement()
          .extracting(TaskEscalation::escalatedTo).isEqualTo("will");
    }
    assertThat(drawn).hasPassed("Task_RemindReviewRequest", "Task_EscalateReviewRequest");
    for (String businessKey : new String[] {drawnKey, templateKey}) {
      assertThat(mailbox.mailsTo("wendy", SlaLadderTest.reminderFor(businessKey))).hasSize(1);
      assertThat(mailbox.mailsTo("will", SlaLadderTest.escalationOf(businessKey))).hasSize(1);
    }
  }

  /** {@code sla/sla-task.bpmn} (the same task, with the template instead of the drawn ladder) as the next version of the ladder test. */
  private static BpmnModelInstance templateVersionOfTheLadderTest() {
    BpmnModelInstance model = Bpmn.readModelFromStream(SlaSideBySideTest.class.getResourceAsStream("/sla/sla-task.bpmn"));
    Process process = model.getModelElementById(SlaTaskTest.PROCESS);
    process.setId(SlaLadderTest.PROCESS);
    process.setName("SLA ladder test");
    return model;
  }
}
