/**
 * Webhooks in and out. In: orders from a webshop ({@code POST /api/webhooks/orders/{source}}),
 * authenticated by an HMAC signature with the source's secret, once per external id, placed through
 * {@code orders}' {@link io.opsflow.orders.ShopOrders}. Out: subscriptions of URLs to business
 * events that {@code orders}, {@code changes}, {@code onboarding} and {@code sla} publish as
 * application events; each delivery is written to an outbox in the transaction of its event and
 * sent by {@code notify}'s {@link io.opsflow.notify.OutboxSender}.
 */
@ApplicationModule(allowedDependencies = {"platform", "notify", "orders", "changes", "onboarding", "sla"})
package io.opsflow.webhooks;

import org.springframework.modulith.ApplicationModule;
