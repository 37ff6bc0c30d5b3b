package io.opsflow.sla;

import io.opsflow.notify.Notifications;
import io.opsflow.notify.OutgoingMail;
import io.opsflow.platform.CalendarDates;
import io.opsflow.platform.EngineIdentity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work of someone who is away: at the start of the absence, the tasks they hold go to whoever
 * stands in for them, each with a comment saying so; tasks assigned to them while away go there
 * too ({@link TaskArrival}); at the end they get the list of what went to whom, by mail and on
 * the out-of-office page.
 */
@Service
@Transactional
class AbsenceHandover {

  private static final String SIGNATURE = "\n-- \nOpsflow\n";

  private final Absences absences;
  private final HandedOverTaskRepository handedOver;
  private final TaskService taskService;
  private final TaskFactsReader factsReader;
  private final TaskMails mails;
  private final CalendarDates dates;
  private final Notifications notifications;
  private final EngineIdentity identity;

  AbsenceHandover(Absences absences, HandedOverTaskRepository handedOver, TaskService taskService,
      TaskFactsReader factsReader, TaskMails mails, CalendarDates dates,
      Notifications notifications, EngineIdentity identity) {
    this.absences = absences;
    this.handedOver = handedOver;
    this.taskService = taskService;
    this.factsReader = factsReader;
    this.mails = mails;
    this.dates = dates;
    this.notifications = notifications;
    this.identity = identity;
  }

  /**
   * Hands every task the absent person holds to whoever stands in for them today, with a comment
   * on each. Done as the engine: the person recording the absence need not see those tasks.
   */
  void start(Absence absence) {
    absence.handedOver(now());
    identity.asEngine(() -> {
      List<Task> held = taskService.createTaskQuery().taskAssignee(absence.userId()).active().orderByTaskId().asc().list();
      Map<String, String> businessKeys = factsReader.businessKeys(held);
      for (Task task : held) {
        String worker = absences.workerFor(absence.userId());
        if (worker.equals(absence.userId())) {
          break; // everyone who could stand in is away too: the tasks stay
        }
        taskService.setAssignee(task.getId(), worker);
        taskService.createComment(task.getId(), task.getProcessInstanceId(), "Handed over from " + mails.nameOf(absence.userId())
            + " to " + mails.nameOf(worker) + ": " + absence.userId() + " is away from " + dates.day(absence.from())
            + " to " + dates.day(absence.to()) + ".");
        handedOver.save(new HandedOverTask(absence.id(), factsReader.read(task, businessKeys.get(task.getProcessInstanceId())),
            worker, now()));
      }
      return null;
    });
  }

  /** Notes a task that reached someone who is away and went to {@code worker} instead. */
  void arrived(String absentUser, TaskFacts task, String worker) {
    absences.absenceToday(absentUser)
        .ifPresent(absence -> handedOver.save(new HandedOverTask(absence.id(), task, worker, now())));
  }

  /** What went to whom during this absence, in the order it happened. */
  @Transactional(readOnly = true)
  List<HandedOverTask> of(Absence absence) {
    return handedOver.findByAbsenceIdOrderByHandedAtAscIdAsc(absence.id());
  }

  /** Mails the person the list of what was handed over during their absence, once. */
  void report(Absence absence) {
    absence.reported(now());
    List<HandedOverTask> tasks = of(absence);
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < tasks.size(); i++) {
      HandedOverTask task = tasks.get(i);
      list.append(i + 1).append(". \"").append(task.taskName()).append("\" (").append(task.processName())
          .append(task.businessKey() == null ? "" : " " + task.businessKey()).append(")\n")
          .append("   to ").append(mails.nameOf(task.handedTo())).append(", ").append(dates.time(task.handedAt())).append('\n')
          .append("   ").append(mails.link(task.taskId())).append("\n\n");
    }
    OutgoingMail mail = new OutgoingMail("absence-" + absence.id() + "-report", List.of(absence.userId()),
        "Welcome back: " + (tasks.size() == 1 ? "1 task was" : tasks.size() + " tasks were") + " handed over while you were away",
        "Hello " + mails.nameOf(absence.userId()) + ",\n\n"
            + "while you were away (" + dates.day(absence.from()) + " to " + dates.day(absence.to()) + "), "
            + (tasks.isEmpty() ? "no task had to be handed over.\n\n"
                : "these tasks went to the people standing in for you:\n\n" + list
                    + "Those still open stay with them; ask them for what you want back.\n")
            + "Your out-of-office page lists them too: " + mails.publicUrl() + OutOfOfficePage.PATH + "\n" + SIGNATURE);
    identity.asEngine(() -> notifications.send(mail)); // the addresses of everyone, not only those the user may list
  }

  /** On the engine clock, as the absence's days are. */
  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
