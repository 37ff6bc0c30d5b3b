package io.opsflow.insight;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;

/**
 * Plays weeks of work through the engine in seconds, so the history it leaves is real: an agenda
 * of actions in time order (starts from the scenarios, claims and completions planned for each new
 * task), and before each action every job that fell due by then (timers, reminders, escalations,
 * async steps), each at its own due time. The time moves on the playing thread's engine clock
 * only ({@link SimulatedTime}): every other thread sees the real time, and the job executor leaves
 * the jobs the simulation makes to it ({@link SimulatedJobs}) until the play ends, so it can play
 * while the application serves people.
 * <p>
 * It drives only the instances it started itself ({@link #start}): a job or task of any other
 * instance, even of the same process, is left as it is. People may work on its instances
 * meanwhile (claim a task, complete it): a step of the play that then meets a changed world is
 * counted and skipped, and what their work made (tasks created and jobs due on the real clock) is
 * theirs and the job executor's, not the simulation's. {@link #stop} ends a play between two
 * actions.
 */
@NamedInterface("demo")
public class HistorySimulation {

  private static final Logger LOG = LoggerFactory.getLogger(HistorySimulation.class);
  private static final int PAGE = 1000;
  /** Steps between two looks at which of the simulation's instances have ended ({@link #running}). */
  private static final int PRUNE_EVERY = 50;

  private record Action(Instant time, long order, String what, Runnable run) {}

  private final ProcessEngine engine;
  private final Map<String, DemoScenario> scenarios;
  private final Random random;
  private final PriorityQueue<Action> agenda = new PriorityQueue<>(
      (a, b) -> a.time().equals(b.time()) ? Long.compare(a.order(), b.order()) : a.time().compareTo(b.time()));
  private final Set<String> plannedTasks = new HashSet<>();
  /** The instances it started, less those it has seen end ({@link #running}). */
  private final Set<String> ownInstances = new HashSet<>();
  private long order;
  private long lookups;
  private int failures;
  private volatile boolean stopped;

  HistorySimulation(ProcessEngine engine, List<DemoScenario> scenarios, Random random) {
    this.engine = engine;
    this.scenarios = scenarios.stream().collect(Collectors.toMap(DemoScenario::processKey, Function.identity()));
    this.random = random;
  }

  /**
   * Plans the start of an instance, which the simulation then drives; {@code userId} (or null for
   * the system) is the engine identity it runs as.
   */
  public void start(Instant time, String userId, String what, Supplier<ProcessInstance> start) {
    at(time, userId, what, () -> ownInstances.add(start.get().getId()));
  }

  /** Plans a start through the process's start form (latest version), as {@code userId} would in Tasklist. */
  public void startWithForm(Instant time, String userId, String processKey, Map<String, Object> form) {
    start(time, userId, "start " + processKey, () -> engine.getFormService().submitStartForm(
        engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
            .latestVersion().singleResult().getId(), form));
  }

  private void at(Instant time, String userId, String what, Runnable action) {
    agenda.add(new Action(time, order++, what, () -> as(userId, action)));
  }

  /**
   * Plays the scenarios from {@code from} up to {@code until} on this thread, or until {@link #stop};
   * returns the actions that failed. Whatever way it ends, the jobs it leaves go to the job executor.
   */
  int play(Instant from, Instant until) {
    scenarios.values().forEach(scenario -> scenario.schedule(this, from, until, random));
    try (SimulatedTime clock = SimulatedTime.start(from)) {
      try {
        while (!stopped && !agenda.isEmpty() && !agenda.peek().time().isAfter(until)) {
          Action action = agenda.poll();
          runDueJobs(clock, action.time());
          clock.set(action.time());
          attempt(action.what(), action.run());
          planNewTasks(action.time());
        }
        runDueJobs(clock, until);
      } finally {
        SimulatedJobs.release(engine.getManagementService());
      }
    }
    return failures;
  }

  /** Ends the play (from another thread) after the action under way; its instances stay as they are then. */
  void stop() {
    stopped = true;
  }

  private void runDueJobs(SimulatedTime clock, Instant until) {
    ManagementService management = engine.getManagementService();
    clock.set(until);
    for (Job job = nextDueJob(management); job != null && !stopped; job = nextDueJob(management)) {
      Instant due = job.getDuedate() == null ? until : job.getDuedate().toInstant();
      clock.set(due);
      String jobId = job.getId();
      attempt("job " + jobId, () -> management.executeJob(jobId));
      planNewTasks(due);
      clock.set(until);
    }
  }

  private Job nextDueJob(ManagementService management) {
    Set<String> running = running();
    if (running.isEmpty()) {
      return null;
    }
    List<Job> jobs = SimulatedJobs.inBand(management.createJobQuery()).executable().processInstanceIds(running)
        .orderByJobDuedate().asc().listPage(0, 1);
    return jobs.isEmpty() ? null : jobs.get(0);
  }

  private void planNewTasks(Instant now) {
    Set<String> running = running();
    if (running.isEmpty()) {
      return;
    }
    TaskService tasks = engine.getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceIdIn(running.toArray(String[]::new))
        .listPage(0, PAGE)) {
      if (!plannedTasks.add(task.getId()) || task.getCreateTime().toInstant().isAfter(now)) {
        continue; // planned before, or made at the real time by someone who worked on the instance meanwhile
      }
      DemoScenario scenario = scenarios.get(processKeyOf(task));
      scenario.plan(task, random).ifPresent(plan -> {
        Instant claimed = now.plus(plan.waitBeforeClaim());
        String taskId = task.getId();
        at(claimed, plan.userId(), "claim " + task.getName(), ifOpen(taskId, () -> tasks.claim(taskId, plan.userId())));
        at(claimed.plus(plan.work()), plan.userId(), "complete " + task.getName(),
            ifOpen(taskId, () -> tasks.complete(taskId, plan.formData())));
      });
    }
  }

  /**
   * The simulation's instances that may still have tasks or jobs: every {@value #PRUNE_EVERY} look-ups
   * those that ended are dropped (an ended instance has neither, and never runs again). The task
   * and job queries after every step name all of them: the engine builds their SQL with one
   * parameter per instance, and a play starts about a hundred instances, most of which end on the
   * way, so those queries allocated a quarter of the play's 3.5 GB (docs/performance.md, Memory).
   */
  private Set<String> running() {
    if (++lookups % PRUNE_EVERY == 0 && !ownInstances.isEmpty()) {
      Set<String> stillRunning = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceIds(ownInstances).list().stream().map(ProcessInstance::getId).collect(Collectors.toSet());
      ownInstances.retainAll(stillRunning);
    }
    return ownInstances;
  }

  /** The process may have ended or cancelled the task meanwhile (a rejection, a withdrawal). */
  private Runnable ifOpen(String taskId, Runnable action) {
    return () -> {
      if (engine.getTaskService().createTaskQuery().taskId(taskId).count() == 1) {
        action.run();
      }
    };
  }

  private String processKeyOf(Task task) {
    return engine.getRepositoryService().getProcessDefinition(task.getProcessDefinitionId()).getKey();
  }

  /**
   * A planned step can meet a changed world (task cancelled or taken by someone meanwhile, a job
   * failing, a form refused): note it and go on; the demo never stops the application.
   */
  private void attempt(String what, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      failures++;
      LOG.debug("Demo history: {} failed: {}", what, e.getMessage());
    }
  }

  private void as(String userId, Runnable action) {
    if (userId == null) {
      action.run();
      return;
    }
    IdentityService identity = engine.getIdentityService();
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    identity.setAuthentication(userId, groups);
    try {
      action.run();
    } finally {
      identity.clearAuthentication();
    }
  }
}
