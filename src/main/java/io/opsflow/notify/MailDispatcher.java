package io.opsflow.notify;

import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMailMessage;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the mail outbox ({@link OutboxSender}): each mail right after the transaction that queued
 * it commits, and every minute whatever is still due (the process stopped before sending, or the
 * server was down). The first attempt works out the addresses of the recipients
 * ({@link Recipients}) and keeps them on the row for any later attempt. Without
 * {@code spring.mail.host} there is no {@link JavaMailSender} and nothing is sent.
 */
@Component
class MailDispatcher extends OutboxSender<OutboxMail> {

  /** Names the outbox row of each mail sent, so a receiver can tell a mail sent again after a crash. */
  static final String KEY_HEADER = "X-Opsflow-Mail-Key";
  static final States STATES = new States(MailStatus.PENDING, MailStatus.SENDING);
  /** A minute after the first failure, then 4, 9, 16 minutes. */
  static final Backoff BACKOFF = new Backoff(Duration.ofMinutes(1));
  private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);

  private final Recipients recipients;
  private final JavaMailSender mailSender;
  private final MailSettings settings;

  MailDispatcher(OutboxMailRepository outbox, Recipients recipients, ObjectProvider<JavaMailSender> mailSender,
      MailSettings settings, PlatformTransactionManager transactionManager) {
    super("mail", outbox, STATES, settings.sendLease(), settings.maxAttempts(), transactionManager);
    this.recipients = recipients;
    this.mailSender = mailSender.getIfAvailable();
    this.settings = settings;
  }

  @Override
  protected boolean canSend() {
    return mailSender != null;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void afterCommit(MailQueued queued) {
    sendAfterCommit(queued.outboxId());
  }

  @Scheduled(fixedDelayString = "${opsflow.mail.sweep-interval:PT1M}", initialDelayString = "${opsflow.mail.sweep-interval:PT1M}")
  void sweep() {
    sweepDue();
  }

  @Override
  protected void record(OutboxMail row, OutboxMail sent, Attempt attempt, Instant now) {
    if (sent.recipients().isEmpty()) {
      row.notSendable(attempt.answer());
      return;
    }
    row.addressedTo(sent.recipients());
    if (attempt.accepted()) {
      row.sent(now);
    } else {
      row.failed(attempt.answer(), now, settings.maxAttempts());
    }
  }

  /**
   * Sends one mail to the addresses its recipients stand for now (kept on {@code mail} for
   * {@link #record}): accepted by the server, or failed with its error.
   */
  @Override
  protected Attempt send(OutboxMail mail) {
    List<String> queuedTo = mail.recipients();
    mail.addressedTo(recipients.addresses(queuedTo));
    if (mail.recipients().isEmpty()) {
      return Attempt.failed("no recipient with an e-mail address in " + queuedTo);
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(settings.from());
    message.setTo(mail.recipients().toArray(String[]::new));
    message.setSubject(mail.subject());
    message.setText(mail.body());
    try {
      MimeMailMessage mime = new MimeMailMessage(mailSender.createMimeMessage());
      message.copyTo(mime);
      mime.getMimeMessage().setHeader(KEY_HEADER, mail.key());
      mailSender.send(mime.getMimeMessage());
      LOG.info("mail {} sent to {}", mail.key(), mail.recipients());
      return Attempt.accepted(null);
    } catch (MailException | MessagingException e) {
      LOG.warn("mail {} to {} failed (attempt {}): {}", mail.key(), mail.recipients(), mail.attempts(), e.getMessage());
      return Attempt.failed(e.getMessage());
    }
  }
}
