package io.opsflow.webhooks;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/webhooks/orders/{source}}: a webshop's order, signed with the source's secret
 * (no user login: {@link WebhookSecurityConfiguration}). 201 with the order placed; a redelivery
 * of the same external id gets 200 with the same answer; WooCommerce's ping when a webhook is
 * saved gets 204. The body is read raw, as signed.
 */
@RestController
class InboundOrderController {

  static final String PATH = "/api/webhooks/orders/{source}";

  private final InboundOrders inbound;

  InboundOrderController(InboundOrders inbound) {
    this.inbound = inbound;
  }

  @PostMapping(PATH)
  ResponseEntity<InboundOrderView> receive(@PathVariable String source, @RequestBody(required = false) byte[] body,
      @RequestHeader HttpHeaders headers) {
    byte[] raw = body == null ? new byte[0] : body;
    if (inbound.isPing(source, raw)) {
      return ResponseEntity.noContent().build();
    }
    InboundOrders.Receipt receipt = inbound.receive(source, raw, headers);
    InboundOrderView order = receipt.order();
    return receipt.placedNow()
        ? ResponseEntity.created(URI.create("/api/orders/" + order.orderId())).body(order)
        : ResponseEntity.ok(order);
  }
}
