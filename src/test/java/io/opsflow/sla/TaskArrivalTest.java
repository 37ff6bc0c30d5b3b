package io.opsflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.notify.Outbox;
import io.opsflow.notify.TestMailbox;
import io.opsflow.platform.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** New-task mails and substitutes, for every user task without modelling (here the ladder test model's). */
@OpsflowSpringTest
class TaskArrivalTest {

  static final LocalDate MONDAY = LocalDate.parse("2032-06-07");

  @RegisterExtension
  static final TestMailbox mailbox = new TestMailbox();

  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired AbsenceRepository absences;
  @Autowired JdbcTemplate jdbc;
  @Autowired WorkingCalendar calendar;

  String businessKey;
  Task task;

  @BeforeEach
  void startARequestOnMondayMorning() {
    LadderRequests requests = new LadderRequests(engine);
    ClockUtil.setCurrentTime(Date.from(MONDAY.atTime(10, 0).atZone(calendar.zone()).toInstant()));
    businessKey = "arrival-" + UUID.randomUUID();
    task = requests.start(businessKey);
  }

  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    absences.deleteAll(absences.findByUserIdAndToGreaterThanEqualAndEndedAtIsNullOrderByFrom("wendy", MONDAY));
    absences.deleteAll(absences.findByUserIdAndToGreaterThanEqualAndEndedAtIsNullOrderByFrom("will", MONDAY));
    ClockUtil.reset();
  }

  @Test
  void aNewGroupTaskIsMailedToTheMembersOfTheGroupOnce() {
    String subject = "New task for your group: \"Review request\" (SLA ladder test " + businessKey + ")";

    assertThat(mailbox.awaitMails("wendy", subject, 1).get(0).body())
        .contains("is waiting for someone of your group", "Offered to:   group warehouse", "/#/?task=" + task.getId());
    assertThat(mailbox.awaitMails("will", subject, 1)).hasSize(1);
    assertThat(Outbox.isQueued(jdbc, "task-" + task.getId() + "-offered")).isTrue();
  }

  @Test
  void aNewGroupTaskIsMailedToTheMembersWhoAreNotAway() {
    absences.save(new Absence("wendy", MONDAY, MONDAY, "will", "wendy", Instant.now()));
    String otherKey = "arrival-" + UUID.randomUUID();

    Task other = new LadderRequests(engine).start(otherKey);

    String subject = "New task for your group: \"Review request\" (SLA ladder test " + otherKey + ")";
    assertThat(mailbox.awaitMails("will", subject, 1)).hasSize(1);
    String key = "task-" + other.getId() + "-offered";
    await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
        "select status from notify_outbox where mail_key = ?", String.class, key), "SENT"::equals);
    assertThat(jdbc.queryForObject("select recipients from notify_outbox where mail_key = ?", String.class, key))
        .as("the addresses the mail went to").contains("will@opsflow.example").doesNotContain("wendy");
    assertThat(mailbox.mailsTo("wendy", subject)).isEmpty();
  }

  @Test
  void aTaskAssignedBySomeoneElseIsMailedToTheAssigneeButNotATaskClaimed() {
    taskService.setAssignee(task.getId(), "wendy");

    assertThat(mailbox.awaitMails("wendy", "New task for you: \"Review request\" (SLA ladder test " + businessKey + ")", 1)
        .get(0).body()).contains("has been assigned to you", "Assigned to:  Wendy Picker (wendy)");

    taskService.setAssignee(task.getId(), null);
    identityService.setAuthentication("will", List.of("warehouse", "management"));
    taskService.claim(task.getId(), "will");

    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("will");
    assertThat(Outbox.isQueued(jdbc, "task-" + task.getId() + "-for-will")).isFalse();
  }

  @Test
  void aTaskForSomeoneAwayGoesToTheSubstituteUntilTheAbsenceEnds() {
    absences.save(new Absence("wendy", MONDAY, MONDAY.plusDays(1), "will", "wendy", Instant.now()));

    taskService.setAssignee(task.getId(), "wendy");

    assertThat(assignee()).isEqualTo("will");
    assertThat(mailbox.awaitMails("will", "New task for you: \"Review request\" (SLA ladder test " + businessKey + ")", 1))
        .hasSize(1);
    assertThat(Outbox.isQueued(jdbc, "task-" + task.getId() + "-for-wendy")).isFalse();

    ClockUtil.setCurrentTime(Date.from(MONDAY.plusDays(2).atTime(9, 0)
        .atZone(calendar.zone()).toInstant()));
    taskService.setAssignee(task.getId(), "wendy");

    assertThat(assignee()).isEqualTo("wendy");
  }

  @Test
  void aSubstituteWhoIsAwayTooIsStoodInForByTheirManager() {
    absences.save(new Absence("wendy", MONDAY, MONDAY, "will", "wendy", Instant.now()));
    absences.save(new Absence("will", MONDAY, MONDAY, "olivia", "will", Instant.now()));

    taskService.setAssignee(task.getId(), "wendy");

    assertThat(assignee()).isEqualTo("olivia");
  }

  @Test
  void aTaskCreatedForSomeoneIsMailedToThemOnceAndAgainOnlyToSomeoneNew() {
    engine.getRepositoryService().createDeployment().name("arrival-test").addModelInstance("arrival-assigned.bpmn",
        Bpmn.createExecutableProcess("Process_ArrivalAssigned").name("Arrival test").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_CheckDelivery").name("Check delivery").camundaAssignee("wendy").endEvent().done())
        .deploy();

    // created and assigned in one transaction: both events announce the task, the outbox is not read
    String id = taskService.createTaskQuery().processInstanceId(engine.getRuntimeService()
        .startProcessInstanceByKey("Process_ArrivalAssigned", businessKey).getId()).singleResult().getId();

    assertThat(newTaskMailsAbout(id)).containsExactly("task-" + id + "-for-wendy");
    String subject = "New task for you: \"Check delivery\" (Arrival test " + businessKey + ")";
    assertThat(mailbox.awaitMails("wendy", subject, 1).get(0).body()).contains("Assigned to:  Wendy Picker (wendy)");

    taskService.setAssignee(id, "will");
    taskService.setAssignee(id, "wendy"); // her mail about this task was queued before: not again

    assertThat(newTaskMailsAbout(id)).containsExactlyInAnyOrder("task-" + id + "-for-wendy", "task-" + id + "-for-will");
    assertThat(mailbox.awaitMails("will", subject, 1)).hasSize(1);
  }

  private List<String> newTaskMailsAbout(String taskId) {
    return jdbc.queryForList("select mail_key from notify_outbox where mail_key like ?", String.class, "task-" + taskId + "-%");
  }

  private String assignee() {
    return taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
  }
}
