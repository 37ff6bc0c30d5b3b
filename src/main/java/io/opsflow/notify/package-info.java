/** Mails through an outbox written in the caller's transaction, and incident alerts. */
@ApplicationModule(allowedDependencies = "platform")
package io.opsflow.notify;

import org.springframework.modulith.ApplicationModule;
