package io.opsflow.platform;

import org.camunda.bpm.engine.ProcessEngine;

/** The small processes the platform tests run, from {@code src/test/resources/platform}. */
enum TestProcess {

  /** One user task for the candidate group {@code sales}. */
  SALES_TASK("Process_PlatformSalesTask", "platform/sales-task.bpmn"),
  /** The same task, but its claims and completions meet in {@link TaskRendezvous}. */
  CONTESTED_TASK("Process_PlatformContestedTask", "platform/contested-task.bpmn");

  final String key;
  final String resource;

  TestProcess(String key, String resource) {
    this.key = key;
    this.resource = resource;
  }

  /** Deploys the process unless deployed already, starts an instance and returns its task's id. */
  String startTask(ProcessEngine engine) {
    engine.getRepositoryService().createDeployment().name(key).addClasspathResource(resource)
        .enableDuplicateFiltering(false).deploy();
    String instanceId = engine.getRuntimeService().startProcessInstanceByKey(key).getId();
    return engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult().getId();
  }
}
