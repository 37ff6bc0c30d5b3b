/**
 * Decisions from the mail: one-use approve and reject links for approval tasks, and the page that
 * submits the decision as the logged-in person through the task's own form and rules. Task mails of
 * {@code sla} carry its links.
 */
@ApplicationModule(allowedDependencies = "platform")
package io.opsflow.decide;

import org.springframework.modulith.ApplicationModule;
