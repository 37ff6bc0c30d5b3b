package io.opsflow.platform;

import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The shared Tasklist filters every user sees, created once and readable by everyone. */
@Component
@Order(TasklistFilters.ORDER)
public class TasklistFilters implements ApplicationRunner {

  static final int ORDER = 30;
  /** Task-local variable set when a task's SLA was escalated (see the sla package). */
  public static final String ESCALATED_VARIABLE = "escalated";

  private final FilterService filterService;
  private final TaskService taskService;
  private final AccessSeed access;

  TasklistFilters(FilterService filterService, TaskService taskService, AccessSeed access) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.access = access;
  }

  @Override
  public void run(ApplicationArguments args) {
    create("My tasks", -10, "Tasks assigned to me",
        query().taskAssigneeExpression("${currentUser()}"));
    create("My group tasks", -5, "Unclaimed tasks of my groups",
        query().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
    create("Due today", 0, "Tasks due before the end of today",
        query().dueBeforeExpression("${dateTime().plusDays(1).withTimeAtStartOfDay().toDate()}")
            .dueAfterExpression("${dateTime().withTimeAtStartOfDay().toDate()}"));
    create("Overdue", 5, "Tasks past their due date",
        query().dueBeforeExpression("${now()}"));
    create("Follow-up", 10, "Tasks whose follow-up date has come",
        query().followUpBeforeExpression("${now()}"));
    create("Escalated", 15, "Tasks escalated to a manager because their SLA was missed",
        query().taskVariableValueEquals(ESCALATED_VARIABLE, true));
  }

  private TaskQuery query() {
    return taskService.createTaskQuery();
  }

  private void create(String name, int priority, String description, TaskQuery query) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name).setQuery(query)
          .setProperties(Map.of("description", description, "priority", priority, "refresh", true));
      filterService.saveFilter(filter);
    }
    access.grantEveryone(Resources.FILTER, filter.getId(), Permissions.READ);
  }
}
