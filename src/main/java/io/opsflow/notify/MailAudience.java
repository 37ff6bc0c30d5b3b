package io.opsflow.notify;

import java.util.List;

/**
 * Recipients that a module works out when the mail is sent rather than when it is queued: a
 * recipient {@code <prefix>:<argument>} of an {@link OutgoingMail} is handed to the bean of this
 * type with that {@link #prefix()} on the outbox's sender thread, after the queueing transaction
 * committed. Keeps lookups (group members, absences, addresses) out of the transaction that queues
 * the mail. The argument must not contain a comma.
 */
public interface MailAudience {

  /** The prefix before the first colon, e.g. {@code present}. */
  String prefix();

  /** The recipients the argument stands for now: user ids, e-mail addresses or {@code group:<id>}. */
  List<String> recipients(String argument);
}
