/**
 * The weekly operations review (processes/weekly-review.bpmn): every Monday each department lead
 * reviews last week against the targets and agrees improvement actions, which their owners carry
 * out as tasks. One process package in the shape of docs/adding-a-process.md.
 */
@ApplicationModule(allowedDependencies = {"platform", "insight :: demo", "insight :: reports"})
package io.opsflow.review;

import org.springframework.modulith.ApplicationModule;
