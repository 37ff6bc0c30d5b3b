package io.opsflow.sla;

import io.opsflow.platform.Organisation;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Who may stand in for someone who is away: a colleague of one of their departments, their
 * manager, or one of the people reporting to them (a lead hands work to their team).
 */
@Component
class Substitutes {

  private final Organisation organisation;

  Substitutes(Organisation organisation) {
    this.organisation = organisation;
  }

  /** The people who may stand in for this user, by id. */
  List<String> candidatesFor(String userId) {
    Set<String> people = new TreeSet<>();
    departmentsOf(userId).forEach(department -> people.addAll(organisation.membersOf(department)));
    organisation.managerOf(userId).ifPresent(people::add);
    people.addAll(organisation.reportsOf(userId));
    people.remove(userId);
    return List.copyOf(people);
  }

  /** The departments this user belongs to. */
  List<String> departmentsOf(String userId) {
    return organisation.departmentIds().stream().filter(department -> organisation.isMember(userId, department)).toList();
  }

  /** Why this substitute may not stand in for the user, in words; null when they may. */
  String refusal(String userId, String substitute) {
    if (candidatesFor(userId).contains(substitute)) {
      return null;
    }
    List<String> departments = departmentsOf(userId);
    return substitute + " is " + (departments.isEmpty() ? "not" : "neither in " + String.join(" nor ", departments) + " nor")
        + " the manager of " + userId + " or one of their people";
  }
}
