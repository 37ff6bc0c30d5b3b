/**
 * Due dates on the working calendar, the reminder and escalation ladder of every user task, task
 * mails, absences and the overdue digest; processes use it through BPMN expressions only.
 */
@ApplicationModule(allowedDependencies = {"platform", "notify"})
package io.opsflow.sla;

import org.springframework.modulith.ApplicationModule;
