package io.opsflow.notify;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
    if (outbox.existsByKey(mail.key())) {
      LOG.debug("mail {} was queued before, not again", mail.key());
      return false;
    }
    OutboxMail row = new OutboxMail(mail, Instant.now(), FIRST_ATTEMPT_GRACE);
    if (!dispatcher.canSend()) {
      row.notSendable("no mail server configured (spring.mail.host)");
    }
    outbox.save(row);
    if (row.status() == MailStatus.PENDING) {
      events.publishEvent(new MailQueued(row.id()));
    }
    return true;
  }

  /** Whether a mail with this key has been queued (sent or not). */
  @Transactional(readOnly = true)
  public boolean isQueued(String key) {
    return outbox.existsByKey(key);
  }

}
