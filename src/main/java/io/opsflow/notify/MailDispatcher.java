package io.opsflow.notify;

import jakarta.mail.MessagingException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMailMessage;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox: each mail right after the transaction that queued it commits, on a
 * background thread, and every minute whatever is still due (the process stopped before
 * sending, or the server was down). The first attempt works out the addresses ({@link Recipients})
 * and keeps them on the row for any later attempt. A mail is claimed before it is sent, so the two never send
 * the same mail. Without {@code spring.mail.host} there is no {@link JavaMailSender} and nothing
 * is sent.
 */
@Component
class MailDispatcher implements DisposableBean {

  /** Names the outbox row of each mail sent, so a receiver can tell a mail sent again after a crash. */
  static final String KEY_HEADER = "X-Opsflow-Mail-Key";
  static final List<MailStatus> RETRYABLE = List.of(MailStatus.PENDING, MailStatus.SENDING);
  private static final int SWEEP_BATCH = 100;
  private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);

  private final OutboxMailRepository outbox;
  private final Recipients recipients;
  private final JavaMailSender mailSender;
  private final MailSettings settings;
  private final TransactionTemplate transaction;
  private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "opsflow-mail");
    thread.setDaemon(true);
    return thread;
  });

  MailDispatcher(OutboxMailRepository outbox, Recipients recipients, ObjectProvider<JavaMailSender> mailSender,
      MailSettings settings, PlatformTransactionManager transactionManager) {
    this.outbox = outbox;
    this.recipients = recipients;
    this.mailSender = mailSender.getIfAvailable();
    this.settings = settings;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  boolean canSend() {
    return mailSender != null;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void afterCommit(MailQueued queued) {
    sender.execute(() -> deliver(queued.outboxId(), true));
  }

  @Scheduled(fixedDelayString = "${opsflow.mail.sweep-interval:PT1M}", initialDelayString = "${opsflow.mail.sweep-interval:PT1M}")
  void sweep() {
    if (!canSend()) {
      return;
    }
    List<Long> due = outbox.findDue(RETRYABLE, Instant.now(), settings.maxAttempts(), PageRequest.of(0, SWEEP_BATCH));
    due.forEach(id -> deliver(id, false));
  }

  private void deliver(long id, boolean firstAttempt) {
    try {
      Instant now = Instant.now();
      Integer claimed = transaction.execute(status -> firstAttempt
          ? outbox.claimFirstAttempt(id, now.plus(settings.sendLease()))
          : outbox.claimRetry(id, RETRYABLE, now, now.plus(settings.sendLease()), settings.maxAttempts()));
      if (claimed == null || claimed == 0) {
        return;
      }
      OutboxMail mail = outbox.findById(id).orElseThrow();
      List<String> addresses = recipients.addresses(mail.recipients());
      String error = addresses.isEmpty() ? null : send(mail, addresses);
      transaction.executeWithoutResult(status -> outbox.findById(id).ifPresent(row -> {
        row.addressedTo(addresses);
        if (addresses.isEmpty()) {
          row.notSendable("no recipient with an e-mail address in " + mail.recipients());
        } else if (error == null) {
          row.sent(Instant.now());
        } else {
          row.failed(error, Instant.now(), settings.maxAttempts());
        }
      }));
    } catch (RuntimeException e) {
      LOG.error("mail {} of the outbox could not be handled, the sweep retries it", id, e);
    }
  }

  /** Sends one mail to these addresses; returns the error, or null when the server accepted it. */
  private String send(OutboxMail mail, List<String> addresses) {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(settings.from());
    message.setTo(addresses.toArray(String[]::new));
    message.setSubject(mail.subject());
    message.setText(mail.body());
    try {
      MimeMailMessage mime = new MimeMailMessage(mailSender.createMimeMessage());
      message.copyTo(mime);
      mime.getMimeMessage().setHeader(KEY_HEADER, mail.key());
      mailSender.send(mime.getMimeMessage());
      LOG.info("mail {} sent to {}", mail.key(), addresses);
      return null;
    } catch (MailException | MessagingException e) {
      LOG.warn("mail {} to {} failed (attempt {}): {}", mail.key(), addresses, mail.attempts(), e.getMessage());
      return e.getMessage();
    }
  }

  @Override
  public void destroy() {
    sender.shutdown();
  }
}
