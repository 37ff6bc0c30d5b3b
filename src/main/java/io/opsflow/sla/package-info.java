/**
 * Due dates on the working calendar, the reminder and escalation ladder of every user task, task
 * mails (with the decision links of {@code decide}), absences and the overdue digest; processes use it
 * through BPMN expressions only.
 */
@ApplicationModule(allowedDependencies = {"platform", "notify", "decide"})
package io.opsflow.sla;

import org.springframework.modulith.ApplicationModule;
