package io.opsflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.ProcessDriver;
import io.opsflow.notify.Notifications;
import io.opsflow.notify.OutgoingMail;
import io.opsflow.notify.TestMailbox;
import io.opsflow.notify.TestMailbox.ReceivedMail;
import io.opsflow.platform.WorkingCalendar;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@OpsflowSpringTest
class OverdueDigestTest {

  static final LocalDate MONDAY = LocalDate.parse("2033-09-05");
  static final String DIGEST = "Overdue tasks of your people";

  @RegisterExtension final ProcessDriver driver = new ProcessDriver();
  @RegisterExtension
  static final TestMailbox mailbox = new TestMailbox();

  @Autowired OverdueDigest digest;
  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired Notifications notifications;
  @Autowired TransactionTemplate transaction;
  @Autowired WorkingCalendar calendar;

  @Test
  void thirtyOverdueTasksOfOneTeamMakeOneDigestForTheirManager() {
    LadderRequests requests = new LadderRequests(engine);
    driver.clockAt(MONDAY + "T10:00");
    String batch = "digest-" + UUID.randomUUID();
    List<String> businessKeys = IntStream.rangeClosed(1, 30).mapToObj(i -> batch + "-" + i).toList();
    businessKeys.forEach(key -> {
      taskService.setAssignee(requests.start(key).getId(), "hugo");
    });

    driver.clockAt(MONDAY.plusDays(2) + "T08:00");
    digest.sendDigests();
    digest.sendDigests(); // the same morning again: nothing new

    ReceivedMail mail = mailbox.awaitMails("helen", DIGEST, 1).get(0);
    assertThat(mail.subject()).startsWith(DIGEST + ": ").endsWith("(Wed 7 Sep 2033)");
    assertThat(mail.body()).startsWith("Hello Helen Hiring (helen),")
        .contains("\"Review request\" (SLA ladder test " + businessKeys.get(0) + ")",
            "due Tue 6 Sep 2033, 10:00 (" + calendar.zone() + "), assigned to Hugo Hires (hugo)",
            "/camunda/app/tasklist/");
    businessKeys.forEach(key -> assertThat(mail.body()).contains("(SLA ladder test " + key + ")\n"));
    // mails go out one after the other: once a later one is there, a second digest would be too
    transaction.executeWithoutResult(status -> notifications.send(
        new OutgoingMail(batch + "-later", List.of("helen"), "Later " + batch, "")));
    mailbox.awaitMails("helen", "Later " + batch, 1);
    assertThat(mailbox.mailsTo("helen", DIGEST)).hasSize(1);
  }
}
