/** Change rollout (processes/change-rollout.bpmn, processes/change-risk.dmn): one process package in the shape of docs/adding-a-process.md. */
@ApplicationModule(allowedDependencies = {"platform", "notify", "insight :: demo"})
package io.opsflow.changes;

import org.springframework.modulith.ApplicationModule;
