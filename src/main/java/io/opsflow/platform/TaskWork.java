package io.opsflow.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Finds and completes tasks for the logged-in user, telling unknown, forbidden and done apart; and
 * tells which variables a task's form lets people set.
 */
@Service
class TaskWork {

  private final TaskService taskService;
  private final FormService formService;
  private final HistoryService historyService;
  private final EngineIdentity identity;
  private final FormSchemas formSchemas;
  private final ProcessEngineConfigurationImpl engine;

  TaskWork(TaskService taskService, FormService formService, HistoryService historyService, EngineIdentity identity,
      FormSchemas formSchemas, ProcessEngineConfigurationImpl engine) {
    this.taskService = taskService;
    this.formService = formService;
    this.historyService = historyService;
    this.identity = identity;
    this.formSchemas = formSchemas;
    this.engine = engine;
  }

  /**
   * The user's open tasks, assigned to them or offered to them (as a candidate user, or through a
   * group they are a member of), by due date. One query: the user's groups are those of their
   * login ({@link MyTasksQuery}), which the engine's authorization checks use too.
   */
  List<Task> myTasks(int max) {
    Authentication user = identity.currentAuthentication();
    if (user == null || user.getUserId() == null) {
      return List.of();
    }
    return new MyTasksQuery(engine.getCommandExecutorTxRequired(), user).or().taskAssignee(user.getUserId())
        .taskCandidateUser(user.getUserId()).endOr().orderByDueDate().asc().listPage(0, max);
  }

  /**
   * A task query whose candidate user's groups are given, not looked up: the engine otherwise
   * reads the groups of a {@code taskCandidateUser} with a query of its own, each time.
   */
  private static final class MyTasksQuery extends TaskQueryImpl {

    MyTasksQuery(CommandExecutor executor, Authentication user) {
      super(executor);
      // read by the query and its or-branches: the groups of each candidate user, by user id
      cachedUserGroups = new HashMap<>(Map.of(user.getUserId(),
          user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds())));
    }
  }

  /**
   * Completes the task as a submission of its form, so the form's rules are checked; the engine
   * checks the user's right to work on it. Only a completion that failed is looked at again, to
   * tell unknown (404), not the user's (403) and done (409) apart. Someone else may complete it
   * between our look and our completion; how the engine then fails depends on where it was (the
   * task gone, its rights gone with it, its rows changed or deleted under us, even a
   * NullPointerException for an execution gone while the form was submitted), so a failed
   * completion of a task that is completed now is answered as what it is: a conflict.
   */
  void complete(String taskId, Map<String, Object> variables) {
    try {
      formService.submitTaskForm(taskId, variables);
    } catch (RuntimeException e) {
      if (isCompleted(taskId)) {
        throw alreadyCompleted(taskId);
      }
      requireVisible(taskId);
      throw e;
    }
  }

  /** Refuses variables that the task's form does not declare; an unknown task is left to the engine. */
  void requireFormFields(String taskId, Set<String> variables) {
    if (variables.isEmpty()) {
      return;
    }
    Task task = identity.asEngine(() -> taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult());
    if (task == null || task.getCamundaFormRef() == null && task.getFormKey() != null) {
      return; // unknown: the engine answers; an embedded or external form: the designer's to check
    }
    Set<String> declared = task.getCamundaFormRef() == null ? Set.of()
        : identity.asEngine(() -> formSchemas.ofTask(task.getProcessDefinitionId(), task.getTaskDefinitionKey(),
            () -> formService.getDeployedTaskForm(taskId))).variables();
    Set<String> undeclared = new TreeSet<>(variables);
    undeclared.removeAll(declared);
    if (!undeclared.isEmpty()) {
      throw ApiException.invalid("task '" + task.getName() + "' has no form field " + ApiException.quoted(undeclared)
          + "; only the fields of its form may be set", undeclared.stream()
          .map(field -> new Problems.InvalidParam(field, "is no field of the task's form")).toList());
    }
  }

  /** Refuses a task that the user cannot see (403), or that does not exist (404). */
  private void requireVisible(String taskId) {
    if (taskService.createTaskQuery().taskId(taskId).count() == 1) {
      return;
    }
    if (identity.asEngine(() -> taskService.createTaskQuery().taskId(taskId).count()) == 1) {
      throw new ApiException(HttpStatus.FORBIDDEN, "task " + taskId + " is not yours to work");
    }
    throw ApiException.notFound("task", taskId);
  }

  /** Whether the task existed and is completed, whoever the current user is. */
  boolean isCompleted(String taskId) {
    return identity.asEngine(() -> historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished().count()) == 1;
  }

  private static ApiException alreadyCompleted(String taskId) {
    return ApiException.conflict("task " + taskId + " is already completed");
  }
}
