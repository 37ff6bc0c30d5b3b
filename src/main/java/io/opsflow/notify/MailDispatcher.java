package io.opsflow.notify;

import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
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
 * server was down). Without {@code spring.mail.host} there is no {@link JavaMailSender} and
 * nothing is sent.
 */
@Component
class MailDispatcher extends OutboxSender<OutboxMail> {

  /** Names the outbox row of each mail sent, so a receiver can tell a mail sent again after a crash. */
  static final String KEY_HEADER = "X-Opsflow-Mail-Key";
  static final States STATES = new States(MailStatus.PENDING, MailStatus.SENDING);
  /** A minute after the first failure, then 4, 9, 16 minutes. */
  static final Backoff BACKOFF = new Backoff(Duration.ofMinutes(1));
  private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);

  private final OutboxMailRepository outbox;
  private final JavaMailSender mailSender;
  private final MailSettings settings;

  MailDispatcher(OutboxMailRepository outbox, ObjectProvider<JavaMailSender> mailSender, MailSettings settings,
      PlatformTransactionManager transactionManager) {
    super("mail", outbox, STATES, settings.sendLease(), settings.maxAttempts(), transactionManager);
    this.outbox = outbox;
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
  protected void record(OutboxMail mail, Attempt attempt, Instant now) {
    if (attempt.accepted()) {
      mail.sent(now);
    } else {
      mail.failed(attempt.answer(), now, settings.maxAttempts());
    }
  }

  /** Sends one mail: accepted by the server, or failed with its error. */
  @Override
  protected Attempt send(OutboxMail mail) {
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
