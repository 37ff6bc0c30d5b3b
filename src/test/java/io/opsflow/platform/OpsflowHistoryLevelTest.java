package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsflow.OpsflowSpringTest;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The history level {@code opsflow}: full history without the job log of jobs that go as planned and without form-field copies. */
@OpsflowSpringTest
class OpsflowHistoryLevelTest {

  private static final String PROCESS = "Process_HistoryLevelAsyncStep";

  @Autowired
  ProcessEngine processEngine;
  HistoryService history;
  ManagementService management;
  String deploymentId;

  @BeforeEach
  void deployAsynchronousStep() {
    history = processEngine.getHistoryService();
    management = processEngine.getManagementService();
    deploymentId = processEngine.getRepositoryService().createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn",
        Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1).startEvent()
            .serviceTask("Task_Step").camundaAsyncBefore().camundaExpression("${succeed ? 'done' : cannotContinue}")
            .userTask("Task_Review").camundaCandidateGroups("warehouse").endEvent().done()).enableDuplicateFiltering(false).deploy().getId();
  }

  /** With its instances: a failed job left behind would be retried by the job executor other tests share. */
  @AfterEach
  void undeploy() {
    processEngine.getRepositoryService().deleteDeployment(deploymentId, true);
  }

  @Test
  void isTheEnginesHistoryLevel() {
    assertThat(((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getHistoryLevel())
        .isInstanceOf(OpsflowHistoryLevel.class);
  }

  @Test
  void aJobThatSucceedsLeavesNoJobLogButFullHistoryOtherwise() {
    String instanceId = start(true);

    management.executeJob(jobOf(instanceId));

    assertThat(history.createHistoricJobLogQuery().processInstanceId(instanceId).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instanceId).activityId("Task_Step")
        .finished().count()).isOne();
    assertThat(history.createHistoricDetailQuery().processInstanceId(instanceId).variableUpdates().count()).isOne();
  }

  @Test
  void aFormSubmissionLeavesItsVariableUpdatesButNoFormFieldCopies() {
    String instanceId = start(true);
    management.executeJob(jobOf(instanceId));
    String taskId = processEngine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult().getId();

    processEngine.getFormService().submitTaskForm(taskId, Map.of("remark", "all there"));

    assertThat(history.createHistoricDetailQuery().processInstanceId(instanceId).variableUpdates().list())
        .extracting(detail -> ((HistoricVariableUpdate) detail).getVariableName()).containsExactlyInAnyOrder("succeed", "remark");
    assertThat(history.createHistoricDetailQuery().processInstanceId(instanceId).formFields().count()).isZero();
  }

  @Test
  void aJobThatFailsIsLoggedWithItsException() {
    String instanceId = start(false);

    assertThatThrownBy(() -> management.executeJob(jobOf(instanceId))).hasMessageContaining("cannotContinue");

    assertThat(history.createHistoricJobLogQuery().processInstanceId(instanceId).list()).singleElement()
        .satisfies(log -> {
          assertThat(log.isFailureLog()).isTrue();
          assertThat(log.getJobExceptionMessage()).contains("cannotContinue");
        });
  }

  private String start(boolean succeed) {
    return processEngine.getRuntimeService().startProcessInstanceByKey(PROCESS, Map.of("succeed", succeed)).getId();
  }

  private String jobOf(String instanceId) {
    return management.createJobQuery().processInstanceId(instanceId).singleResult().getId();
  }
}
