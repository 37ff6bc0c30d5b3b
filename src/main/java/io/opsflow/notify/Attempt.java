package io.opsflow.notify;

/**
 * The outcome of one attempt to send an entry of an outbox ({@link OutboxSender}).
 *
 * @param accepted whether the receiver took it (the mail server, a webhook's 2xx)
 * @param answer what the receiver answered, or the error; null when there is nothing to tell
 */
public record Attempt(boolean accepted, String answer) {

  public static Attempt accepted(String answer) {
    return new Attempt(true, answer);
  }

  public static Attempt failed(String error) {
    return new Attempt(false, error == null ? "unknown error" : error);
  }
}
