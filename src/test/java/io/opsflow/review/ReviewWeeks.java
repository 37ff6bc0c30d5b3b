package io.opsflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Weeks of the weekly review in a Spring test, started as the engine starts them: the start timer
 * of {@code processes/weekly-review.bpmn} fires at a given moment (the engine clock and the timer's
 * due date moved there). The weeks a test started are ended after it, so other tests of the shared
 * context see no leads' reviews of theirs. Registered with {@code @RegisterExtension}.
 */
public final class ReviewWeeks implements BeforeEachCallback, AfterEachCallback {

  public static final String PROCESS_KEY = WeeklyReview.PROCESS_KEY;
  public static final String REVIEW_LAST_WEEK = WeeklyReview.TASK_REVIEW_LAST_WEEK;
  public static final String CARRY_OUT_ACTION = WeeklyReview.TASK_CARRY_OUT_ACTION;

  private final Set<String> started = new HashSet<>();
  private RuntimeService runtimeService;
  private ManagementService managementService;
  private TaskService taskService;

  @Override
  public void beforeEach(ExtensionContext context) {
    ApplicationContext spring = SpringExtension.getApplicationContext(context);
    runtimeService = spring.getBean(RuntimeService.class);
    managementService = spring.getBean(ManagementService.class);
    taskService = spring.getBean(TaskService.class);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    started.stream().filter(id -> runtimeService.createProcessInstanceQuery().processInstanceId(id).count() == 1)
        .forEach(id -> runtimeService.deleteProcessInstance(id, "test over"));
    started.clear();
  }

  /** The start timer fires at {@code at} (engine clock and due date there); returns the week's instance. */
  public ProcessInstance startAt(Date at) {
    Job timer = startTimer();
    managementService.setJobDuedate(timer.getId(), at);
    ClockUtil.setCurrentTime(at);
    Set<String> before = new HashSet<>(instanceIds());
    managementService.executeJob(timer.getId());
    List<String> now = instanceIds().stream().filter(id -> !before.contains(id)).toList();
    assertThat(now).as("weeks started at %s", at).hasSize(1);
    started.add(now.get(0));
    return runtimeService.createProcessInstanceQuery().processInstanceId(now.get(0)).singleResult();
  }

  /** When the start timer fires next. */
  public Date nextStart() {
    return startTimer().getDuedate();
  }

  /** The lead's "Review last week" of this week. */
  public Task reviewOf(ProcessInstance week, String lead) {
    return taskService.createTaskQuery().processInstanceId(week.getId()).taskDefinitionKey(REVIEW_LAST_WEEK)
        .taskAssignee(lead).singleResult();
  }

  /** The open actions of this week, in the order they were created. */
  public List<Task> actionsOf(ProcessInstance week) {
    return taskService.createTaskQuery().processInstanceId(week.getId()).taskDefinitionKey(CARRY_OUT_ACTION)
        .orderByTaskCreateTime().asc().list();
  }

  private List<String> instanceIds() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).list().stream()
        .map(ProcessInstance::getId).toList();
  }

  private Job startTimer() {
    return managementService.createJobQuery().processDefinitionKey(PROCESS_KEY).timers()
        .activityId("StartEvent_EveryMonday").singleResult();
  }
}
