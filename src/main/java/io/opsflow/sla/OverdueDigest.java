package io.opsflow.sla;

import io.opsflow.notify.Notifications;
import io.opsflow.platform.WorkingCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Every working morning, one mail per manager listing the overdue tasks of their people (their
 * reports' tasks, and their department's unclaimed tasks), instead of a mail per task. The
 * managers are those an escalation would reach ({@link TaskAudience#escalationTargets}).
 */
@Service
class OverdueDigest {

  private static final int PAGE = 500;
  private static final Logger LOG = LoggerFactory.getLogger(OverdueDigest.class);

  private final TaskService taskService;
  private final TaskFactsReader factsReader;
  private final TaskAudience audience;
  private final Absences absences;
  private final TaskMails mails;
  private final Notifications notifications;
  private final WorkingCalendar calendar;

  OverdueDigest(TaskService taskService, TaskFactsReader factsReader,
      TaskAudience audience, Absences absences, TaskMails mails, Notifications notifications,
      WorkingCalendar calendar) {
    this.taskService = taskService;
    this.factsReader = factsReader;
    this.audience = audience;
    this.absences = absences;
    this.mails = mails;
    this.notifications = notifications;
    this.calendar = calendar;
  }

  @Scheduled(cron = "${opsflow.sla.digest-cron:0 0 8 * * MON-FRI}", zone = "#{@workingCalendar.zone().id}")
  void everyWorkingMorning() {
    if (calendar.isWorkingDay(absences.today())) {
      int sent = sendDigests();
      LOG.info("overdue digest: {} manager(s) told", sent);
    }
  }

  /**
   * Sends today's digests, once per manager and day (each in its own transaction: a second run
   * the same day sends only what the first could not); returns how many managers have one.
   */
  int sendDigests() {
    LocalDate today = absences.today();
    Map<String, List<TaskFacts>> byManager = new TreeMap<>();
    for (TaskFacts task : overdueTasks()) {
      audience.escalationTargets(task).forEach(manager -> byManager.computeIfAbsent(manager, m -> new ArrayList<>()).add(task));
    }
    byManager.forEach((manager, tasks) -> notifications.send(mails.digest(manager, today, tasks)));
    return byManager.size();
  }

  private List<TaskFacts> overdueTasks() {
    List<TaskFacts> overdue = new ArrayList<>();
    List<Task> page;
    int first = 0;
    do {
      page = taskService.createTaskQuery().dueBefore(ClockUtil.getCurrentTime()).active()
          .orderByDueDate().asc().orderByTaskId().asc().listPage(first, PAGE);
      Map<String, String> businessKeys = factsReader.businessKeys(page);
      page.forEach(task -> overdue.add(factsReader.read(task, businessKeys.get(task.getProcessInstanceId()))));
      first += PAGE;
    } while (page.size() == PAGE);
    return overdue;
  }
}
