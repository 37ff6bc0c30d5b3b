package io.opsflow.notify;

/** Published when a mail is written to the outbox; handled after the commit. */
record MailQueued(long outboxId) {}
