package io.opsflow.platform;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;

/**
 * Who may do what with a user task, checked inside the engine, so it holds through every door
 * (our API, Tasklist, the engine REST API) for every logged-in user but administrators:
 * <ul>
 *   <li>A claimed task is completed, re-assigned, released or delegated only by its assignee or
 *   the assignee's manager.</li>
 *   <li>Of a task's properties, people change only who works on it and its follow-up date; its
 *   name, description, due date (the step's SLA) and priority come from the process.</li>
 * </ul>
 * The engine itself (jobs, start-up, the demo history) is not a person and is not checked.
 */
class TaskRules implements TaskListener {

  /** What a person may change on a task, besides the rules about who holds it. */
  private static final Set<String> PEOPLE_MAY_CHANGE = Set.of(TaskEntity.ASSIGNEE, TaskEntity.OWNER,
      TaskEntity.DELEGATION, TaskEntity.FOLLOW_UP_DATE);

  private final ObjectProvider<Organisation> organisation;

  TaskRules(ObjectProvider<Organisation> organisation) {
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateTask task) {
    Authentication person = Context.getCommandContext().getAuthentication();
    if (person == null || person.getUserId() == null || isAdministrator(person)) {
      return;
    }
    if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      requireHolderOrTheirManager(task, task.getAssignee(), person.getUserId(), "complete");
    } else if (EVENTNAME_UPDATE.equals(task.getEventName())) {
      checkUpdate((TaskEntity) task, person.getUserId());
    }
  }

  private void checkUpdate(TaskEntity task, String userId) {
    Map<String, PropertyChange> changes = task.getPropertyChanges();
    changes.keySet().stream().filter(property -> !PEOPLE_MAY_CHANGE.contains(property)).findFirst()
        .ifPresent(property -> {
          throw new ApiException(HttpStatus.FORBIDDEN, "the " + inWords(property) + " of task '" + task.getName()
              + "' is set by its process; only an administrator may change it");
        });
    PropertyChange assignee = changes.get(TaskEntity.ASSIGNEE);
    if (assignee != null || changes.containsKey(TaskEntity.OWNER) || changes.containsKey(TaskEntity.DELEGATION)) {
      String holder = assignee != null ? (String) assignee.getOrgValue() : task.getAssignee();
      requireHolderOrTheirManager(task, holder, userId, changes.containsKey(TaskEntity.DELEGATION) ? "delegate"
          : assignee != null && assignee.getNewValue() == null ? "release" : "re-assign");
    }
  }

  /** A task held by someone (its assignee) is theirs and their manager's to act on. */
  private void requireHolderOrTheirManager(DelegateTask task, String holder, String userId, String action) {
    if (holder == null || holder.equals(userId)) {
      return;
    }
    String manager = organisation.getObject().managerOf(holder).orElse(null);
    if (userId.equals(manager)) {
      return;
    }
    throw new ApiException(HttpStatus.FORBIDDEN, "task '" + task.getName() + "' is assigned to " + holder + "; only "
        + holder + (manager == null ? "" : ", their manager " + manager) + " or an administrator may " + action + " it");
  }

  /** {@code dueDate} as "due date". */
  private static String inWords(String property) {
    return property.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
  }

  static boolean isAdministrator(Authentication person) {
    return EngineIdentity.isAdministrator(person.getGroupIds());
  }

  /** Gives every user task of every deployed process these rules, before its own listeners. */
  static final class OnEveryUserTask extends AbstractBpmnParseListener {

    private final TaskRules rules;

    OnEveryUserTask(TaskRules rules) {
      this.rules = rules;
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
      task.addBuiltInTaskListener(EVENTNAME_UPDATE, rules);
      task.addBuiltInTaskListener(EVENTNAME_COMPLETE, rules);
    }
  }
}
