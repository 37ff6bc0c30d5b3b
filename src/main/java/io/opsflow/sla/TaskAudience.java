package io.opsflow.sla;

import io.opsflow.notify.MailAudience;
import io.opsflow.notify.Notifications;
import io.opsflow.platform.OpsflowGroups;
import io.opsflow.platform.Organisation;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Who hears about a task: the people working on it, and the managers it escalates to. As a
 * {@link MailAudience} ({@code present:bob;group:sales}), the people working on a task are worked
 * out when the mail is sent, outside the transaction that creates the task.
 */
@Component
class TaskAudience implements MailAudience {

  private static final String PREFIX = "present";
  private static final String SEPARATOR = ";";

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
    return task.isAssigned() ? List.of(task.assignee()) : presentAmong(task.candidateUsers(), task.candidateGroups());
  }

  /** The recipient of a mail to those {@link #workersOn} the task, worked out when the mail is sent. */
  String workersOnWhenSent(TaskFacts task) {
    return task.isAssigned() ? task.assignee() : PREFIX + ":" + String.join(SEPARATOR, Stream.concat(
        task.candidateUsers().stream(), task.candidateGroups().stream().map(group -> Notifications.GROUP_PREFIX + group)).toList());
  }

  @Override
  public String prefix() {
    return PREFIX;
  }

  @Override
  public List<String> recipients(String argument) {
    List<String> candidates = argument.isEmpty() ? List.of() : Arrays.asList(argument.split(SEPARATOR));
    return presentAmong(candidates.stream().filter(candidate -> !candidate.startsWith(Notifications.GROUP_PREFIX)).toList(),
        candidates.stream().filter(candidate -> candidate.startsWith(Notifications.GROUP_PREFIX))
            .map(group -> group.substring(Notifications.GROUP_PREFIX.length())).toList());
  }

  /** The users and the members of the groups who are not away; all of them if everyone is away. */
  private List<String> presentAmong(Collection<String> users, Collection<String> groups) {
    Set<String> people = new LinkedHashSet<>(users);
    groups.forEach(group -> people.addAll(organisation.membersOf(group)));
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
