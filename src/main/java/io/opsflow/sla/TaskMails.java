package io.opsflow.sla;

import io.opsflow.notify.OutgoingMail;
import io.opsflow.platform.Organisation;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The texts of the mails about tasks: plain text, the task's facts in a block, and a link that
 * opens the task in Tasklist.
 */
@Component
class TaskMails {

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
  private static final String SIGNATURE = "\n-- \nOpsflow\n";

  private final WorkingCalendar calendar;
  private final Organisation organisation;
  private final ObjectProvider<ProcessEngine> processEngine;
  private final String publicUrl;

  TaskMails(WorkingCalendar calendar, Organisation organisation, ObjectProvider<ProcessEngine> processEngine,
      @Value("${opsflow.public-url:http://localhost:8080}") String publicUrl) {
    this.calendar = calendar;
    this.organisation = organisation;
    this.processEngine = processEngine;
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  OutgoingMail reminder(TaskFacts task, List<String> to) {
    return new OutgoingMail("reminder-" + task.taskId(), to,
        "Reminder: \"" + task.name() + "\" is due" + about(task),
        "Hello,\n\n"
            + "the task \"" + task.name() + "\" is due now. Please finish it, or hand it on if you cannot.\n\n"
            + facts(task) + SIGNATURE);
  }

  OutgoingMail escalation(TaskFacts task, List<String> to) {
    return new OutgoingMail("escalation-" + task.taskId(), to,
        "Escalated: \"" + task.name() + "\" is overdue" + about(task),
        "Hello,\n\n"
            + "the task \"" + task.name() + "\" is overdue and has been escalated to you"
            + (task.isAssigned() ? ", as the manager of " + nameOf(task.assignee()) : ", as the lead of the team")
            + ". Please see that it gets done, or give it to someone who can do it.\n\n"
            + facts(task) + SIGNATURE);
  }

  /** The Tasklist link that opens this task. */
  String link(String taskId) {
    return publicUrl + "/camunda/app/tasklist/" + processEngine.getObject().getName() + "/#/?task=" + taskId;
  }

  String formatDate(Date date) {
    return date == null ? "none" : DATE_TIME.format(date.toInstant().atZone(calendar.zone())) + " (" + calendar.zone() + ")";
  }

  private static String about(TaskFacts task) {
    return " (" + task.processName() + (task.businessKey() == null ? "" : " " + task.businessKey()) + ")";
  }

  private String facts(TaskFacts task) {
    return line("Task", task.name())
        + line("Process", task.processName())
        + line("Business key", task.businessKey() == null ? "none" : task.businessKey())
        + line("Due", formatDate(task.due()))
        + line(task.isAssigned() ? "Assigned to" : "Offered to", whose(task))
        + "\nOpen the task in Tasklist:\n" + link(task.taskId()) + "\n";
  }

  private String whose(TaskFacts task) {
    if (task.isAssigned()) {
      return nameOf(task.assignee());
    }
    List<String> offeredTo = new ArrayList<>(task.candidateGroups().stream().map(g -> "group " + g).toList());
    task.candidateUsers().forEach(user -> offeredTo.add(nameOf(user)));
    return offeredTo.isEmpty() ? "nobody yet" : String.join(", ", offeredTo);
  }

  String nameOf(String userId) {
    return organisation.user(userId).map(TaskMails::fullName).orElse(userId);
  }

  private static String fullName(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? user.getId() : name + " (" + user.getId() + ")";
  }

  private static String line(String label, String value) {
    return String.format("  %-14s%s", label + ":", value) + "\n";
  }
}
