/** Order fulfillment (processes/order-fulfillment.bpmn): one process package in the shape of docs/adding-a-process.md. */
@ApplicationModule(allowedDependencies = {"platform", "notify", "insight :: demo"})
package io.opsflow.orders;

import org.springframework.modulith.ApplicationModule;
