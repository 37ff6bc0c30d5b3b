package io.opsflow.webhooks;

/** Published when a delivery is written to the outbox; its first attempt follows the commit. */
record DeliveryQueued(long deliveryId) {}
