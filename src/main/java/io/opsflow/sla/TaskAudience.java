package io.opsflow.sla;

import io.opsflow.platform.OpsflowGroups;
import io.opsflow.platform.Organisation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Who hears about a task: the people working on it, and the managers it escalates to. */
@Component
class TaskAudience {

  private final Organisation organisation;
  private final Absences absences;

  TaskAudience(Organisation organisation, Absences absences) {
    this.organisation = organisation;
    this.absences = absences;
  }

  /**
   * The assignee; if nobody has the task yet, its candidate users and the members of its
   * candidate groups who are not away (all of them if everyone is away).
   */
  List<String> workersOn(TaskFacts task) {
    if (task.isAssigned()) {
      return List.of(task.assignee());
    }
    Set<String> people = new LinkedHashSet<>(task.candidateUsers());
    task.candidateGroups().forEach(group -> people.addAll(organisation.membersOf(group)));
    Set<String> away = absences.absentAmong(people);
    List<String> present = people.stream().filter(person -> !away.contains(person)).toList();
    return present.isEmpty() ? List.copyOf(people) : present;
  }

  /**
   * The assignee's manager; if nobody has the task yet, the leads of its candidate groups; if
   * there is no such person, the administrators, so an escalation never goes nowhere. A manager
   * who is away is represented by their own manager.
   */
  List<String> escalationTargets(TaskFacts task) {
    Set<String> managers = new LinkedHashSet<>();
    if (task.isAssigned()) {
      organisation.managerOf(task.assignee()).ifPresent(managers::add);
    } else {
      task.candidateGroups().forEach(group -> organisation.leadOf(group).ifPresent(managers::add));
      task.candidateUsers().forEach(user -> organisation.managerOf(user).ifPresent(managers::add));
    }
    if (managers.isEmpty()) {
      return organisation.membersOf(OpsflowGroups.ADMINISTRATORS);
    }
    return managers.stream().map(absences::managerFor).distinct().toList();
  }
}
