/**
 * The handbook: what every employee does, when and by when, generated from the deployed process
 * definitions and their Camunda Forms (BPMN model API), for any process, also one drawn in Modeler
 * without Java. Pages under {@code /handbook} behind the employees' login; the SLA in words from
 * {@code sla}.
 */
@ApplicationModule(allowedDependencies = {"platform", "sla"})
package io.opsflow.handbook;

import org.springframework.modulith.ApplicationModule;
