package io.opsflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.platform.WorkingCalendar;
import io.opsflow.sla.SlaStep;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Drives the engine of an {@link OpsflowSpringTest} as time passes and people work: the engine
 * clock on the wall clock of the working calendar, the jobs that are due ({@link DueJobs}), timers
 * only when their due date has come, and tasks completed by a user through their form.
 * <pre>
 * &#64;RegisterExtension
 * final ProcessDriver driver = new ProcessDriver();
 * ...
 * driver.clockAt("2031-03-03T10:00");
 * driver.fireWhenDue(processInstanceId, "Timer_StockOverdue");
 * driver.fireWhenDue(processInstanceId, "Task_PickAndPackOrder", SlaStep.REMINDER);
 * </pre>
 * After each test the engine clock is the real one again and no engine user is logged in.
 */
public final class ProcessDriver implements BeforeEachCallback, AfterEachCallback {

  /** How long before its due date a timer is checked not to fire yet. */
  static final Duration NOT_YET = Duration.ofMinutes(1);

  private ProcessEngine engine;
  private ZoneId zone;

  @Override
  public void beforeEach(ExtensionContext context) {
    ApplicationContext spring = SpringExtension.getApplicationContext(context);
    engine = spring.getBean(ProcessEngine.class);
    zone = spring.getBean(WorkingCalendar.class).zone();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ClockUtil.reset();
    if (engine != null) {
      engine.getIdentityService().clearAuthentication();
    }
  }

  // --- the engine clock ------------------------------------------------------------------------

  /** A local date and time ({@code 2031-03-03T10:00}) in the working calendar's zone. */
  public Date at(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(zone).toInstant());
  }

  public void clockAt(String localDateTime) {
    clockAt(at(localDateTime));
  }

  public void clockAt(Date time) {
    ClockUtil.setCurrentTime(time);
  }

  // --- jobs --------------------------------------------------------------------------------------

  /** Runs the instance's jobs that are due on the engine clock, and those they create; a failing job fails the test. */
  public void runDueJobs(String processInstanceId) {
    DueJobs.run(managementService(), processInstanceId);
  }

  /** The clock moves to {@code time}, then the jobs due by then run. */
  public void runDueJobsAt(String processInstanceId, Date time) {
    clockAt(time);
    runDueJobs(processInstanceId);
  }

  /** When the timer at this activity is due (the earliest, if a multi-instance task has several). */
  public Date dueDateOf(String processInstanceId, String timerActivityId) {
    return dueDateOf(new Timers(processInstanceId, timerActivityId, null));
  }

  /** When this SLA step of an SLA'd task is due (the earliest, if a multi-instance task has several). */
  public Date dueDateOf(String processInstanceId, String taskActivityId, SlaStep step) {
    return dueDateOf(new Timers(processInstanceId, taskActivityId, step));
  }

  /** When this SLA step is due for each open instance of the task. */
  public List<Date> dueDatesOf(String processInstanceId, String taskActivityId, SlaStep step) {
    return list(new Timers(processInstanceId, taskActivityId, step)).stream().map(Job::getDuedate).toList();
  }

  /**
   * A timer fires exactly when due: a minute before its due date the jobs due then run and the timer
   * still waits; at its due date it fires (with every other job due by then). Returns the due date.
   */
  public Date fireWhenDue(String processInstanceId, String timerActivityId) {
    return fireWhenDue(new Timers(processInstanceId, timerActivityId, null));
  }

  /** {@link #fireWhenDue(String, String)} for the timer of an SLA step of an SLA'd task (nothing drawn). */
  public Date fireWhenDue(String processInstanceId, String taskActivityId, SlaStep step) {
    return fireWhenDue(new Timers(processInstanceId, taskActivityId, step));
  }

  private Date dueDateOf(Timers timers) {
    return list(timers).stream().map(Job::getDuedate).min(Comparator.naturalOrder())
        .orElseThrow(() -> new AssertionError("no timer " + timers + " of " + timers.processInstanceId()));
  }

  private Date fireWhenDue(Timers timers) {
    Date due = dueDateOf(timers);
    assertThat(due).as("%s is not due yet", timers).isAfter(ClockUtil.getCurrentTime());
    int waiting = list(timers).size();

    runDueJobsAt(timers.processInstanceId(), Date.from(due.toInstant().minus(NOT_YET)));
    assertThat(list(timers)).as("%s a minute before it is due", timers).hasSize(waiting);

    runDueJobsAt(timers.processInstanceId(), due);
    assertThat(list(timers)).as("%s at its due date %s", timers, due).noneMatch(timer -> !timer.getDuedate().after(due));
    return due;
  }

  private List<Job> list(Timers timers) {
    return managementService().createJobQuery().processInstanceId(timers.processInstanceId())
        .activityId(timers.activityId()).timers().list().stream().filter(timers::isOfStep).toList();
  }

  /** The timers of an instance at an activity: a drawn timer event, or an SLA step's timer on a task. */
  private record Timers(String processInstanceId, String activityId, SlaStep step) {

    boolean isOfStep(Job timer) {
      return step == null || ((JobEntity) timer).getJobHandlerConfigurationRaw().endsWith("~" + step.listenerId());
    }

    @Override
    public String toString() {
      return step == null ? activityId : step + " timer of " + activityId;
    }
  }

  // --- people ------------------------------------------------------------------------------------

  /** The user, with their groups, submits the task's form with these fields (checked as in Tasklist). */
  public void complete(String user, String taskId, Map<String, Object> form) {
    asUser(user, () -> {
      engine.getFormService().submitTaskForm(taskId, form);
      return null;
    });
  }

  /**
   * The user completes the task through Opsflow's API ({@code POST /api/tasks/{id}/complete}, the form
   * check included), as Tasklist users do; anything but 204 fails with the response body.
   */
  public static void completeThroughApi(TestRestTemplate http, String user, String taskId, Map<String, Object> form) {
    ResponseEntity<String> response = http.withBasicAuth(user, user)
        .postForEntity("/api/tasks/{id}/complete", form, String.class, taskId);
    assertThat(response.getStatusCode()).as("%s completing task %s: %s", user, taskId, response.getBody())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  /** Calls the engine as this user with their groups, as the REST API and the webapps do. */
  public <T> T asUser(String user, Supplier<T> engineCalls) {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
    try {
      return engineCalls.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private ManagementService managementService() {
    return engine.getManagementService();
  }
}
