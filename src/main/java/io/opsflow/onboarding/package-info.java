/** Employee onboarding (processes/employee-onboarding.bpmn): one process package in the shape of docs/adding-a-process.md. */
@ApplicationModule(allowedDependencies = {"platform", "notify", "insight :: demo"})
package io.opsflow.onboarding;

import org.springframework.modulith.ApplicationModule;
