package io.opsflow.notify;

import io.opsflow.platform.Organisation;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends mails reliably: {@link #send} writes the mail to the outbox in the caller's transaction
 * (a process engine job, an API call); it is sent after that transaction commits, in the
 * background, and at most once per key. When the transaction rolls back, nothing is sent.
 */
@Service
public class Notifications {

  /** How long a fresh mail is left to the after-commit sender before the sweep takes it. */
  static final Duration FIRST_ATTEMPT_GRACE = Duration.ofSeconds(30);
  /** A recipient {@code group:sales} means every member of the group. */
  public static final String GROUP_PREFIX = "group:";
  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

  private final OutboxMailRepository outbox;
  private final Organisation organisation;
  private final MailDispatcher dispatcher;
  private final ApplicationEventPublisher events;

  Notifications(OutboxMailRepository outbox, Organisation organisation, MailDispatcher dispatcher,
      ApplicationEventPublisher events) {
    this.outbox = outbox;
    this.organisation = organisation;
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
    List<String> addresses = addresses(mail.to());
    OutboxMail row = new OutboxMail(mail, addresses, Instant.now(), FIRST_ATTEMPT_GRACE);
    if (!dispatcher.canSend()) {
      row.notSendable("no mail server configured (spring.mail.host)");
    } else if (addresses.isEmpty()) {
      row.notSendable("no recipient with an e-mail address in " + mail.to());
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

  /** The addresses of the recipients, in their order, with one user query for all user ids. */
  private List<String> addresses(List<String> recipients) {
    Map<String, String> emails = organisation.emailsOf(recipients.stream().filter(Notifications::isUserId).toList());
    Set<String> addresses = new LinkedHashSet<>();
    for (String recipient : recipients) {
      if (recipient.startsWith(GROUP_PREFIX)) {
        addresses.addAll(organisation.memberEmails(recipient.substring(GROUP_PREFIX.length())));
      } else if (!isUserId(recipient)) {
        addresses.add(recipient); // an address already
      } else if (emails.containsKey(recipient)) {
        addresses.add(emails.get(recipient));
      } else {
        LOG.info("no e-mail address for {}, not mailed", recipient);
      }
    }
    return List.copyOf(addresses);
  }

  /** Not a group, not an e-mail address: a user id. */
  private static boolean isUserId(String recipient) {
    return !recipient.startsWith(GROUP_PREFIX) && !recipient.contains("@");
  }
}
