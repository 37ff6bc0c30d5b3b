package io.opsflow.onboarding;

import io.opsflow.notify.Notifications;
import io.opsflow.notify.OutgoingMail;
import io.opsflow.platform.OpsflowGroups;
import io.opsflow.platform.OpsflowProperties;
import io.opsflow.platform.Organisation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mails of the onboarding process itself (task mails come from the SLA ladder). Each has a
 * key made of the hire id, so a retried job never sends it twice.
 */
@Service
@Transactional
class OnboardingNotices {

  private static final String SIGNATURE = "\n-- \nOpsflow\n";

  private final HireRepository hires;
  private final Organisation organisation;
  private final Notifications notifications;
  private final HistoryService historyService;
  private final OpsflowProperties properties;

  OnboardingNotices(HireRepository hires, Organisation organisation, Notifications notifications,
      HistoryService historyService, OpsflowProperties properties) {
    this.hires = hires;
    this.organisation = organisation;
    this.notifications = notifications;
    this.historyService = historyService;
    this.properties = properties;
  }

  /**
   * Two working days before the start, IT or facilities work is still open: tells the leads of
   * the late departments, and HR, in one mail.
   */
  void alertLatePreparation(long hireId, String processInstanceId) {
    Hire hire = hires.inInstance(hireId, processInstanceId);
    LatePreparation late = LatePreparation.of(hire);
    Set<String> to = new LinkedHashSet<>();
    late.lateDepartments().forEach(department -> organisation.leadOf(department).ifPresent(to::add));
    to.addAll(organisation.membersOf(OpsflowGroups.HR));
    StringBuilder open = new StringBuilder();
    late.openForIt().forEach(work -> open.append("- IT: ").append(work).append('\n'));
    late.openForFacilities().forEach(work -> open.append("- Facilities: ").append(work).append('\n'));
    notifications.send(new OutgoingMail("hire-" + hireId + "-preparation-late", List.copyOf(to),
        "Preparation late: " + hire.name() + " starts on " + hire.startDate(),
        "Hello,\n\n"
            + hire.name() + " (" + hire.role() + ", " + hire.department() + ") starts on " + hire.startDate()
            + ", and this preparation is still open two working days before:\n\n" + open
            + "\nLeads of IT and facilities: please see that it is done before the first day."
            + " The start date stays as it is; HR decides whether to move it.\n\n"
            + "The hire: " + link(hire) + "\n" + SIGNATURE));
  }

  /**
   * The hire was withdrawn: tells everyone whose task was cancelled (the assignee, or the
   * candidate groups' members of an unclaimed task), one mail per person listing their tasks.
   */
  void tellCancelledWork(long hireId, String processInstanceId) {
    Hire hire = hires.inInstance(hireId, processInstanceId);
    Map<String, Set<String>> tasksByPerson = new LinkedHashMap<>();
    for (HistoricTaskInstance task : cancelledTasks(processInstanceId)) {
      peopleOn(task).forEach(person -> tasksByPerson.computeIfAbsent(person, p -> new LinkedHashSet<>()).add(task.getName()));
    }
    tasksByPerson.forEach((person, tasks) -> notifications.send(new OutgoingMail(
        "hire-" + hireId + "-withdrawn-" + person, List.of(person),
        "Cancelled: onboarding of " + hire.name() + " was withdrawn",
        "Hello,\n\n"
            + "HR has withdrawn the hire of " + hire.name() + " (start date " + hire.startDate() + ")."
            + " These tasks of yours were cancelled; there is nothing more to do for them:\n\n"
            + String.join("\n", tasks.stream().map(task -> "- " + task).toList()) + "\n"
            + SIGNATURE)));
  }

  private List<HistoricTaskInstance> cancelledTasks(String processInstanceId) {
    return historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).finished()
        .orderByHistoricActivityInstanceStartTime().asc().list().stream()
        .filter(task -> !TaskEntity.DELETE_REASON_COMPLETED.equals(task.getDeleteReason())).toList();
  }

  private List<String> peopleOn(HistoricTaskInstance task) {
    if (task.getAssignee() != null) {
      return List.of(task.getAssignee());
    }
    List<String> people = new ArrayList<>();
    historyService.createHistoricIdentityLinkLogQuery().taskId(task.getId()).type(IdentityLinkType.CANDIDATE).list()
        .stream().map(HistoricIdentityLinkLog::getGroupId).filter(group -> group != null).distinct()
        .forEach(group -> people.addAll(organisation.membersOf(group)));
    return people;
  }

  private String link(Hire hire) {
    return properties.link("/api/hires/" + hire.id());
  }
}
