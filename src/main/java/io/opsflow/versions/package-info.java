/**
 * Changing a process while work is in flight: migration plans from the designers' step mappings,
 * dry runs, migrations and instance repairs with a reason, for administrators (API and Cockpit).
 * It names no process; it reads the deployed models alone.
 */
@ApplicationModule(allowedDependencies = "platform")
package io.opsflow.versions;

import org.springframework.modulith.ApplicationModule;
