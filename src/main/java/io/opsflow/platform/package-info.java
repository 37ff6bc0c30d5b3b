/**
 * Engine wiring that every other module builds on: deployment of {@code processes/} and
 * {@code forms/}, security and identity, the organisation, configuration ({@link
 * io.opsflow.platform.OpsflowProperties}, the {@link io.opsflow.platform.WorkingCalendar}), and the
 * error format ({@link io.opsflow.platform.Problems}). It knows no process.
 */
@ApplicationModule(allowedDependencies = {})
package io.opsflow.platform;

import org.springframework.modulith.ApplicationModule;
