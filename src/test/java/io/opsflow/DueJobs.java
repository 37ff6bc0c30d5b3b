package io.opsflow;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The job executor is off in tests: runs a process instance's due jobs (asynchronous steps such as
 * customer mails, timers whose due date the engine clock has reached), and the jobs they create, in
 * the order of their due dates, as the job executor would in the running app. A job that is not due
 * does not run. A job that fails fails the test with the job's own message: nothing is swallowed.
 */
public final class DueJobs {

  /** More jobs than any process of ours creates at one moment: beyond, jobs keep creating jobs. */
  static final int MOST = 1_000;

  private DueJobs() {}

  public static void run(ManagementService managementService, String processInstanceId) {
    for (int executed = 0; executed < MOST; executed++) {
      List<Job> due = managementService.createJobQuery().processInstanceId(processInstanceId).executable()
          .orderByJobDuedate().asc().listPage(0, 1);
      if (due.isEmpty()) {
        return;
      }
      execute(managementService, due.get(0));
    }
    throw new AssertionError("jobs keep coming due for process instance " + processInstanceId + " after " + MOST);
  }

  /** Executes one job; its failure is the test's, with the job's message and where it was. */
  public static void execute(ManagementService managementService, Job job) {
    try {
      managementService.executeJob(job.getId());
    } catch (RuntimeException failed) {
      throw new AssertionError("job " + job.getId() + " " + where(managementService, job) + " of process instance "
          + job.getProcessInstanceId() + " failed: " + failed.getMessage(), failed);
    }
  }

  private static String where(ManagementService managementService, Job job) {
    JobDefinition definition = job.getJobDefinitionId() == null ? null
        : managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult();
    return definition == null ? "(no job definition)" : "at " + definition.getActivityId();
  }
}
