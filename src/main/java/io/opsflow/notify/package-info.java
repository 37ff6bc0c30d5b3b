/**
 * Mails through an outbox written in the caller's transaction, and incident alerts; the sending half of
 * an outbox ({@link io.opsflow.notify.OutboxSender}, {@link io.opsflow.notify.OutboxRepository}) for other
 * modules' outboxes (webhooks).
 */
@ApplicationModule(allowedDependencies = "platform")
package io.opsflow.notify;

import org.springframework.modulith.ApplicationModule;
