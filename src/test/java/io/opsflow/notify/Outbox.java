package io.opsflow.notify;

import org.springframework.jdbc.core.JdbcTemplate;

/** What the mail outbox holds, for tests: Opsflow itself never asks whether a mail is queued. */
public final class Outbox {

  private Outbox() {}

  /** Whether a mail with this key has been queued (sent or not). */
  public static boolean isQueued(JdbcTemplate jdbc, String key) {
    return jdbc.queryForObject("select count(*) from notify_outbox where mail_key = ?", Integer.class, key) > 0;
  }
}
