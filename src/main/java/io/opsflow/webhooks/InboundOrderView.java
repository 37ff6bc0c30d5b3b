package io.opsflow.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * The answer to a webshop's order, the same for every delivery of it.
 *
 * @param orderStatus the order's status when it was placed: {@code NEEDS_ATTENTION} when
 *     {@code unknownSkus} is not empty (sales corrects them), else as any new order
 */
record InboundOrderView(String source, String externalId, long orderId, String orderStatus, List<String> unknownSkus,
    Instant receivedAt) {}
