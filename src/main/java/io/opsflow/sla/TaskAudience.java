package io.opsflow.sla;

import io.opsflow.platform.Organisation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Who hears about a task: the people working on it, and the managers it escalates to. */
@Component
class TaskAudience {

  static final String ADMIN_GROUP = "camunda-admin";

  private final Organisation organisation;

  TaskAudience(Organisation organisation) {
    this.organisation = organisation;
  }

  /** The assignee; if nobody has the task yet, its candidate users and the members of its candidate groups. */
  List<String> workersOn(TaskFacts task) {
    if (task.isAssigned()) {
      return List.of(task.assignee());
    }
    Set<String> people = new LinkedHashSet<>(task.candidateUsers());
    task.candidateGroups().forEach(group -> people.addAll(organisation.membersOf(group)));
    return List.copyOf(people);
  }

  /**
   * The assignee's manager; if nobody has the task yet, the leads of its candidate groups; if
   * there is no such person, the administrators, so an escalation never goes nowhere.
   */
  List<String> escalationTargets(TaskFacts task) {
    Set<String> managers = new LinkedHashSet<>();
    if (task.isAssigned()) {
      organisation.managerOf(task.assignee()).ifPresent(managers::add);
    } else {
      task.candidateGroups().forEach(group -> organisation.leadOf(group).ifPresent(managers::add));
      task.candidateUsers().forEach(user -> organisation.managerOf(user).ifPresent(managers::add));
    }
    return managers.isEmpty() ? organisation.membersOf(ADMIN_GROUP) : List.copyOf(managers);
  }
}
