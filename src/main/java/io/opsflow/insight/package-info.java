/**
 * KPIs, bottlenecks and history of every process, read from the engine's history alone, and the
 * demo history. It names no process: each process package plays its own demo through the
 * {@code demo} interface ({@link io.opsflow.insight.DemoScenario}).
 */
@ApplicationModule(allowedDependencies = "platform")
package io.opsflow.insight;

import org.springframework.modulith.ApplicationModule;
