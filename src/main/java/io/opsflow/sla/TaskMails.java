package io.opsflow.sla;

import io.opsflow.decide.DecisionLinks;
import io.opsflow.notify.OutgoingMail;
import io.opsflow.platform.CalendarDates;
import io.opsflow.platform.HandbookLinks;
import io.opsflow.platform.OpsflowProperties;
import io.opsflow.platform.Organisation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The texts of the mails about tasks: plain text, the task's facts in a block, a link that
 * opens the task in Tasklist and one to the step in the handbook.
 */
@Component
class TaskMails {

  /** A digest lists this many tasks at most; Tasklist shows the rest. */
  static final int DIGEST_LIMIT = 200;
  private static final String SIGNATURE = "\n-- \nOpsflow\n";

  private final CalendarDates dates;
  private final Organisation organisation;
  private final ObjectProvider<ProcessEngine> processEngine;
  private final OpsflowProperties properties;

  TaskMails(CalendarDates dates, Organisation organisation, ObjectProvider<ProcessEngine> processEngine,
      OpsflowProperties properties) {
    this.dates = dates;
    this.organisation = organisation;
    this.processEngine = processEngine;
    this.properties = properties;
  }

  /** Keyed by task and assignee: assigning the task to someone else is news again, re-saving it is not. */
  OutgoingMail newTask(TaskFacts task, List<String> to) {
    return newTask(task, to, newTaskKey(task, null), null);
  }

  /**
   * The mail about an approval for one of the people who may decide it, with their own
   * "Approve" and "Reject" links; keyed by task, assignee and recipient.
   */
  OutgoingMail newApproval(TaskFacts task, String recipient, DecisionLinks.Links links) {
    return newTask(task, List.of(recipient), newTaskKey(task, recipient), links);
  }

  /** The key of the new-task mail, for everyone ({@code recipient} null) or one recipient of an approval. */
  String newTaskKey(TaskFacts task, String recipient) {
    return "task-" + task.taskId() + (task.isAssigned() ? "-for-" + task.assignee() : "-offered")
        + (recipient == null || recipient.equals(task.assignee()) ? "" : "-to-" + recipient);
  }

  private OutgoingMail newTask(TaskFacts task, List<String> to, String key, DecisionLinks.Links links) {
    String forWhom = task.isAssigned() ? "you" : "your group";
    return new OutgoingMail(key, to,
        "New task for " + forWhom + ": \"" + task.name() + "\"" + about(task),
        "Hello,\n\n"
            + (task.isAssigned() ? "the task \"" + task.name() + "\" has been assigned to you."
                : "the task \"" + task.name() + "\" is waiting for someone of your group; claim it in Tasklist to work on it.")
            + "\n\n" + facts(task)
            + (links == null ? "" : "\nDecide from this mail (you log in, see the summary and confirm; each link works once,"
                + " while the task is open):\n  Approve: " + links.approve() + "\n  Reject:  " + links.reject() + "\n")
            + SIGNATURE);
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

  /** One mail for a manager about all overdue tasks of their people, the longest overdue first. */
  OutgoingMail digest(String manager, LocalDate day, List<TaskFacts> overdue) {
    StringBuilder list = new StringBuilder();
    List<TaskFacts> listed = overdue.subList(0, Math.min(overdue.size(), DIGEST_LIMIT));
    for (int i = 0; i < listed.size(); i++) {
      TaskFacts task = listed.get(i);
      list.append(i + 1).append(". \"").append(task.name()).append('"').append(about(task)).append('\n')
          .append("   due ").append(formatDate(task.due())).append(", ")
          .append(task.isAssigned() ? "assigned to " : "offered to ").append(whose(task)).append('\n')
          .append("   ").append(link(task.taskId())).append("\n\n");
    }
    if (overdue.size() > listed.size()) {
      list.append("... and ").append(overdue.size() - listed.size()).append(" more.\n\n");
    }
    return new OutgoingMail("digest-" + manager + "-" + day, List.of(manager),
        "Overdue tasks of your people: " + overdue.size() + " (" + dates.day(day) + ")",
        "Hello " + nameOf(manager) + ",\n\n"
            + (overdue.size() == 1 ? "1 task of your people is" : overdue.size() + " tasks of your people are")
            + " past the due date, the longest overdue first:\n\n" + list
            + "Please see that they get done, or give them to someone who can do them.\n"
            + "The Tasklist filter \"Overdue\" shows them all.\n" + SIGNATURE);
  }

  /** The base of every link in mails, as people reach this server (no trailing slash). */
  String publicUrl() {
    return properties.publicUrl();
  }

  /** The Tasklist link that opens this task. */
  String link(String taskId) {
    return properties.link("/camunda/app/tasklist/" + processEngine.getObject().getName() + "/#/?task=" + taskId);
  }

  /** The handbook's explanation of the task's step. */
  String handbookLink(TaskFacts task) {
    return properties.link(HandbookLinks.step(task.processKey(), task.stepId()));
  }

  String formatDate(Date date) {
    return dates.time(date);
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
        + "\nOpen the task in Tasklist:\n" + link(task.taskId()) + "\n"
        + (task.stepId() == null ? "" : "How to do this step (handbook):\n" + handbookLink(task) + "\n");
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
