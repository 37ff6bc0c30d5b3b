package io.opsflow.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends mails reliably: {@link #send} writes the mail to the outbox in the caller's transaction
 * (a process engine job, an API call); it is sent after that transaction commits, in the
 * background, and at most once per key. When the transaction rolls back, nothing is sent. The
 * recipients are turned into addresses when the mail is sent ({@link Recipients}), not in the
 * caller's transaction.
 */
@Service
public class Notifications {

  /** How long a fresh mail is left to the after-commit sender before the sweep takes it. */
  static final Duration FIRST_ATTEMPT_GRACE = Duration.ofSeconds(30);
  /** A recipient {@code group:sales} means every member of the group. */
  public static final String GROUP_PREFIX = "group:";
  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

  private final OutboxMailRepository outbox;
  private final MailDispatcher dispatcher;
  private final ApplicationEventPublisher events;

  Notifications(OutboxMailRepository outbox, MailDispatcher dispatcher, ApplicationEventPublisher events) {
    this.outbox = outbox;
    this.dispatcher = dispatcher;
    this.events = events;
  }

  /**
   * Queues a mail in the current transaction; does nothing when a mail with the same key was
   * queued before. Returns whether it was queued now.
   */
  @Transactional
  public boolean send(OutgoingMail mail) {
    return queue(mail, queuedInThisTransaction().contains(mail.key()) || outbox.existsByKey(mail.key()));
  }

  /**
   * Queues a mail about something the current transaction created and names in the key (a new
   * task's id), unless this transaction queued that key already: no earlier transaction can have
   * queued it, so the outbox is not read. Were the key used before all the same, the outbox's
   * unique key would refuse the row and fail the transaction: still never twice.
   */
  @Transactional
  public boolean sendAboutNew(OutgoingMail mail) {
    return queue(mail, queuedInThisTransaction().contains(mail.key()));
  }

  private boolean queue(OutgoingMail mail, boolean queuedBefore) {
    if (queuedBefore) {
      LOG.debug("mail {} was queued before, not again", mail.key());
      return false;
    }
    OutboxMail row = new OutboxMail(mail, Instant.now(), FIRST_ATTEMPT_GRACE);
    if (!dispatcher.canSend()) {
      row.notSendable("no mail server configured (spring.mail.host)");
    }
    outbox.save(row);
    queuedInThisTransaction().add(mail.key());
    if (row.status() == MailStatus.PENDING) {
      events.publishEvent(new MailQueued(row.id()));
    }
    return true;
  }

  /** The keys this transaction queued (bound to it, and set aside while another one runs inside it). */
  @SuppressWarnings("unchecked")
  private Set<String> queuedInThisTransaction() {
    Set<String> keys = (Set<String>) TransactionSynchronizationManager.getResource(this);
    if (keys == null) {
      Set<String> fresh = new HashSet<>();
      TransactionSynchronizationManager.bindResource(this, fresh);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void suspend() {
          TransactionSynchronizationManager.unbindResource(Notifications.this);
        }

        @Override
        public void resume() {
          TransactionSynchronizationManager.bindResource(Notifications.this, fresh);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(Notifications.this);
        }
      });
      keys = fresh;
    }
    return keys;
  }

  /** Whether a mail with this key has been queued (sent or not). */
  @Transactional(readOnly = true)
  public boolean isQueued(String key) {
    return outbox.existsByKey(key);
  }

}
