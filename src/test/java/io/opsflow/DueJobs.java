package io.opsflow;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The job executor is off in tests: runs a process instance's due jobs (asynchronous steps such as
 * customer mails), and the jobs they create, as the job executor would in the running app.
 */
public final class DueJobs {

  private DueJobs() {}

  public static void run(ManagementService managementService, String processInstanceId) {
    List<Job> due = due(managementService, processInstanceId);
    while (!due.isEmpty()) {
      due.forEach(job -> managementService.executeJob(job.getId()));
      due = due(managementService, processInstanceId);
    }
  }

  private static List<Job> due(ManagementService managementService, String processInstanceId) {
    return managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
  }
}
