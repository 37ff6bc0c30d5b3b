package io.opsflow.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.opsflow.OpsflowSpringTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.opsflow.notify.TestMailbox.ReceivedMail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@OpsflowSpringTest
class NotificationsTest {

  @RegisterExtension
  static final TestMailbox mailbox = new TestMailbox();

  @Autowired Notifications notifications;
  @Autowired JdbcTemplate jdbc;
  @Autowired OutboxMailRepository outbox;
  @Autowired MailDispatcher dispatcher;
  @Autowired Recipients recipients;
  @Autowired MailSettings settings;
  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired MeterRegistry registry;

  TransactionTemplate transaction;
  String key;

  @BeforeEach
  void freshKey() {
    transaction = new TransactionTemplate(transactionManager);
    key = "test-" + UUID.randomUUID();
  }

  @Test
  void sendsAPlainTextMailToUsersAndAddressesAfterTheCommit() {
    transaction.executeWithoutResult(status -> notifications.send(
        new OutgoingMail(key, List.of("fred", "customer@example.com"), "Order " + key + " shipped", "Hello,\n\nit is on its way.")));

    ReceivedMail toFred = mailbox.awaitMails("fred", key, 1).get(0);
    assertThat(toFred.to()).containsExactly("fred@opsflow.example", "customer@example.com");
    assertThat(toFred.subject()).isEqualTo("Order " + key + " shipped");
    assertThat(toFred.body()).isEqualTo("Hello,\n\nit is on its way.");
    assertThat(mailbox.awaitMails("customer@example.com", key, 1)).hasSize(1);
  }

  @Test
  void theOutboxGaugeCountsTheMailsNotSentYetAlsoAfterAGarbageCollection() {
    transaction.executeWithoutResult(status -> notifications.send(mail(key)));
    mailbox.awaitMails("fred", key, 1);
    System.gc();

    await("the gauge reads what the outbox holds").atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(registry.get("opsflow.mail.outbox.waiting").gauge().value())
            .isEqualTo((double) outbox.countByStatusIn(MailDispatcher.STATES.due())));
  }

  @Test
  void sendsNothingWhenTheTransactionRollsBackAndOnceWhenItIsRetried() {
    transaction.executeWithoutResult(status -> {
      notifications.send(mail(key));
      status.setRollbackOnly();
    });
    assertThat(Outbox.isQueued(jdbc, key)).isFalse();

    transaction.executeWithoutResult(status -> notifications.send(mail(key)));
    transaction.executeWithoutResult(status -> assertThat(notifications.send(mail(key))).isFalse());

    assertThat(mailbox.awaitMails("fred", key, 1)).hasSize(1);
    // the sender works one mail after the other: once a later mail is there, a duplicate would be too
    String later = key + "-later";
    transaction.executeWithoutResult(status -> notifications.send(mail(later)));
    mailbox.awaitMails("fred", later, 1);
    assertThat(mailbox.mailsTo("fred", key)).filteredOn(mail -> !mail.mentions(later)).hasSize(1);
  }

  @Test
  void aMailAboutSomethingNewIsQueuedOnceInItsTransactionWithoutReadingTheOutbox() {
    transaction.executeWithoutResult(status -> {
      assertThat(notifications.sendAboutNew(mail(key))).isTrue();
      assertThat(notifications.sendAboutNew(mail(key))).as("queued by this transaction").isFalse();
      assertThat(notifications.send(mail(key))).isFalse();
    });

    assertThat(mailbox.awaitMails("fred", key, 1)).hasSize(1);
    assertThat(Outbox.isQueued(jdbc, key)).isTrue();
  }

  @Test
  void aKeyUsedBeforeIsNeverMailedTwiceEvenWhenPassedOffAsNew() {
    transaction.executeWithoutResult(status -> notifications.send(mail(key)));

    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> notifications.sendAboutNew(mail(key))))
        .as("the outbox's unique key").isInstanceOf(DataIntegrityViolationException.class);

    assertThat(jdbc.queryForObject("select count(*) from notify_outbox where mail_key = ?", Integer.class, key)).isEqualTo(1);
  }

  @Test
  void theSweepSendsWhatWasNotSentAfterTheCommit() {
    OutboxMail leftOver = new OutboxMail(mail(key), Instant.now(), Duration.ZERO);
    transaction.executeWithoutResult(status -> outbox.save(leftOver));

    dispatcher.sweep();

    assertThat(mailbox.awaitMails("fred", key, 1)).hasSize(1);
    assertThat(outbox.findByKey(key)).get().satisfies(row -> {
      assertThat(row.status()).isEqualTo(MailStatus.SENT);
      assertThat(row.attempts()).isEqualTo(1);
      assertThat(row.recipients()).as("the addresses the recipients stood for when sent").containsExactly("fred@opsflow.example");
    });
  }

  @Test
  void aMailForNobodyWithAnAddressIsNotSendable() {
    transaction.executeWithoutResult(status -> notifications.send(
        new OutgoingMail(key, List.of("no-such-user"), "Nobody reads this", "")));

    await().atMost(Duration.ofSeconds(10)).until(() -> outbox.findByKey(key).orElseThrow().status() != MailStatus.PENDING);
    assertThat(outbox.findByKey(key)).get().satisfies(row -> {
      assertThat(row.status()).isEqualTo(MailStatus.NOT_SENDABLE);
      assertThat(row.lastError()).contains("no-such-user");
    });
  }

  @Test
  void withoutAMailServerMailsAreKeptAsNotSendable() {
    MailDispatcher withoutServer = new MailDispatcher(outbox, recipients,
        new DefaultListableBeanFactory().getBeanProvider(JavaMailSender.class), settings, transactionManager);
    Notifications withoutMail = new Notifications(outbox, withoutServer, events);

    transaction.executeWithoutResult(status -> withoutMail.send(mail(key)));
    withoutServer.sweep();

    assertThat(outbox.findByKey(key)).get().satisfies(row -> {
      assertThat(row.status()).isEqualTo(MailStatus.NOT_SENDABLE);
      assertThat(row.lastError()).contains("spring.mail.host");
    });
    withoutServer.destroy();
  }

  private static OutgoingMail mail(String key) {
    return new OutgoingMail(key, List.of("fred"), "Test " + key, "Hello Fred.");
  }
}
