package io.opsflow.sla;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

/** Requests on the SLA ladder test model, deployed afresh, each waiting in its one "Review request" task. */
final class LadderRequests {

  private final ProcessEngine engine;

  LadderRequests(ProcessEngine engine) {
    this.engine = engine;
    engine.getRepositoryService().createDeployment().name("sla-ladder-test").enableDuplicateFiltering(false)
        .addClasspathResource("sla/sla-ladder.bpmn").deploy();
  }

  Task start(String businessKey) {
    String instanceId = engine.getRuntimeService().startProcessInstanceByKey(SlaLadderTest.Ladder.DRAWN.process, businessKey,
        Map.of(SlaLadderTest.FAIL_AFTER_REMINDER, false)).getId();
    return engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
  }
}
