package io.opsflow.versions;

import io.opsflow.DueJobs;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;

/** Works off a batch as the job executor would (it is off in tests): seed, then its jobs, then its monitor. */
final class BatchJobs {

  private BatchJobs() {}

  static void runAll(ManagementService managementService, String batchId) {
    Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
    List<String> definitions = List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
        batch.getMonitorJobDefinitionId());
    for (String definition : definitions) {
      List<Job> jobs;
      while (!(jobs = managementService.createJobQuery().jobDefinitionId(definition).listPage(0, 100)).isEmpty()) {
        jobs.forEach(job -> DueJobs.execute(managementService, job));
      }
    }
  }
}
