package io.opsflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.notify.TestMailbox;
import io.opsflow.platform.ApiException;
import io.opsflow.platform.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Out of office: the tasks someone holds when their absence starts go to the substitute with a
 * comment, what reaches them while away goes there too, and at the end they get the list. Far
 * future days, so no other test meets these absences.
 */
@OpsflowSpringTest
class AbsenceHandoverTest {

  static final LocalDate MONDAY = LocalDate.parse("2033-06-06");

  @RegisterExtension
  static final TestMailbox mailbox = new TestMailbox();

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired AbsenceRepository absences;
  @Autowired AbsenceRegister register;
  @Autowired AbsenceSweep sweep;
  @Autowired WorkingCalendar calendar;

  String businessKey;
  Task task;

  @BeforeEach
  void aRequestHeldByWendyOnMonday() {
    LadderRequests requests = new LadderRequests(engine);
    at(MONDAY);
    businessKey = "handover-" + UUID.randomUUID();
    task = requests.start(businessKey);
    taskService.setAssignee(task.getId(), "wendy");
  }

  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    absences.deleteAll(absences.findAll().stream().filter(a -> a.from().getYear() == MONDAY.getYear()).toList());
    runtimeService.deleteProcessInstance(task.getProcessInstanceId(), "test over");
    ClockUtil.reset();
  }

  @Test
  void theTasksHeldAtTheStartGoToTheSubstituteWithACommentAndTheListComesAtTheEnd() {
    as("wendy");
    register.record(null, MONDAY.plusDays(1), MONDAY.plusDays(2), "will");
    identityService.clearAuthentication();
    assertThat(assignee()).as("not before the absence starts").isEqualTo("wendy");

    at(MONDAY.plusDays(1));
    sweep.sweep();

    assertThat(assignee()).isEqualTo("will");
    assertThat(taskService.getTaskComments(task.getId())).singleElement().satisfies(comment -> assertThat(
        comment.getFullMessage()).isEqualTo("Handed over from Wendy Picker (wendy) to Will Warehouse (will): wendy is away"
            + " from Tue 7 Jun 2033 to Wed 8 Jun 2033."));
    assertThat(mailbox.awaitMails("will", "New task for you: \"Review request\"", 1)).hasSize(1);

    at(MONDAY.plusDays(3));
    sweep.sweep();

    // other tests may have left tasks with wendy: they went to will too, and are on the list
    assertThat(mailbox.awaitMails("wendy", 1, "handed over while you were away", businessKey)).singleElement()
        .satisfies(mail -> assertThat(mail.body()).contains("\"Review request\" (SLA ladder test " + businessKey + ")",
            "to Will Warehouse (will), Tue 7 Jun 2033, ", "(Europe/Berlin)", "/#/?task=" + task.getId()));
    assertThat(sweep.sweep()).as("reported once").isZero();
  }

  @Test
  void aTaskAssignedWhileAwayIsOnTheListOfAnAbsenceEndedEarly() {
    taskService.setAssignee(task.getId(), null);
    as("wendy");
    long id = register.record(null, MONDAY, MONDAY.plusDays(4), "will").absence().id();
    identityService.clearAuthentication();

    taskService.setAssignee(task.getId(), "wendy");
    assertThat(assignee()).isEqualTo("will");
    as("wendy");
    register.end(id);
    identityService.clearAuthentication();

    assertThat(mailbox.awaitMails("wendy", 1, "handed over while you were away", businessKey)).hasSize(1);
    taskService.setAssignee(task.getId(), "wendy");
    assertThat(assignee()).as("back: her tasks are hers again").isEqualTo("wendy");
  }

  @Test
  void aSubstituteWhoIsAwayTooIsNamedAndTheirManagerStandsIn() {
    absences.save(new Absence("will", MONDAY, MONDAY, "wendy", "will", Instant.now()));
    as("wendy");

    AbsenceRegister.Recorded recorded = register.record(null, MONDAY, MONDAY, "will");
    identityService.clearAuthentication();

    assertThat(recorded.notices()).containsExactly(
        "will is away too from Mon 6 Jun 2033 to Mon 6 Jun 2033; on those days olivia stands in for wendy");
    assertThat(assignee()).isEqualTo("olivia");
  }

  @Test
  void overlappingAndPastAbsencesAreRefusedWithClearMessages() {
    as("wendy");
    register.record(null, MONDAY.plusDays(7), MONDAY.plusDays(9), "will");

    assertThatThrownBy(() -> register.record(null, MONDAY.plusDays(9), MONDAY.plusDays(10), "will"))
        .isInstanceOf(ApiException.class).hasMessage("wendy is already recorded as away from Mon 13 Jun 2033 to"
            + " Wed 15 Jun 2033 (substitute will); change that absence instead");
    assertThatThrownBy(() -> register.record(null, MONDAY.minusDays(1), MONDAY, "will"))
        .isInstanceOf(ApiException.class).hasMessage("from: is in the past; an absence starts today at the earliest");
    assertThatThrownBy(() -> register.record(null, MONDAY.minusDays(3), MONDAY.minusDays(1), "will"))
        .isInstanceOf(ApiException.class).hasMessage("to: is in the past");
  }

  private void as(String user) {
    identityService.setAuthentication(user, List.of("warehouse"));
  }

  private void at(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(calendar.zone()).toInstant()));
  }

  private String assignee() {
    return taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
  }
}
