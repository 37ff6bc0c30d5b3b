package io.opsflow.notify;

import java.util.List;

/**
 * A plain-text mail to send once.
 *
 * @param key unique business key of this mail, e.g. {@code order-42-shipped}; a second mail
 *     with the same key is dropped, so retried jobs never mail twice
 * @param to e-mail addresses, user ids (sent to the user's address) or {@code group:<id>} (every
 *     member of the group)
 * @param subject one line
 * @param body plain text
 */
public record OutgoingMail(String key, List<String> to, String subject, String body) {

  static final int MAX_KEY_LENGTH = 200;

  public OutgoingMail {
    if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException("a mail needs a key of 1 to " + MAX_KEY_LENGTH + " characters, was '" + key + "'");
    }
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("mail " + key + " has no subject");
    }
    to = List.copyOf(to);
    body = body == null ? "" : body;
  }
}
