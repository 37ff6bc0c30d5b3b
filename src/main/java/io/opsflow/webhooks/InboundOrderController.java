package io.opsflow.webhooks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
@Tag(name = InboundOrderController.TAG)
class InboundOrderController {

  static final String PATH = "/api/webhooks/orders/{source}";
  static final String TAG = "Webhooks";

  private final InboundOrders inbound;

  InboundOrderController(InboundOrders inbound) {
    this.inbound = inbound;
  }

  @Operation(operationId = "receiveShopOrder", summary = "Place a webshop's order, signed with the shop's secret",
      description = """
          No user logs in: the raw body is signed with the source's secret (`opsflow.webhooks.inbound.{source}.secret`), \
          `X-Opsflow-Signature: sha256=<hex of HMAC-SHA256>`; a WooCommerce source also takes WooCommerce's \
          `X-WC-Webhook-Signature: <base64>`. A generic source takes `ShopOrder`, a WooCommerce source the body of \
          WooCommerce's `order.created` webhook. Once per source and `externalId`: a redelivery answers 200 with the \
          first answer. An article the catalogue does not know does not refuse the order: it waits for sales \
          (`orderStatus` `NEEDS_ATTENTION`). 401: the signature is missing or wrong; 404: no such source.""")
  @SecurityRequirements
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
      mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(anyOf = {ShopOrder.class, WooCommerceOrder.class})))
  @Parameter(name = Signatures.HEADER, in = ParameterIn.HEADER, example = "sha256=5d41402abc4b2a76b9719d911017c592ae3f7e1bb6f5e4f0d7c9bd0a9f5c4e21",
      description = "`sha256=` and the hex of the body's HMAC-SHA256 with the source's secret",
      schema = @Schema(pattern = "^sha256=[0-9a-fA-F]{64}$"))
  @Parameter(name = ShopFormat.WOOCOMMERCE_SIGNATURE, in = ParameterIn.HEADER, example = "XUFAKrxLKna5cZ2REBfFkg2yq5wm3pD1K7zQe8cM4vY=",
      description = "WooCommerce's signature: the base64 of the body's HMAC-SHA256 with the webhook's secret",
      schema = @Schema(type = "string"))
  @ApiResponse(responseCode = "201", description = "The order is placed",
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = InboundOrderView.class)))
  @ApiResponse(responseCode = "200", description = "The order was placed by an earlier delivery: its first answer",
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = InboundOrderView.class)))
  @ApiResponse(responseCode = "204", description = "WooCommerce's ping when its webhook is saved: nothing placed")
  @PostMapping(PATH)
  ResponseEntity<InboundOrderView> receive(@Parameter(example = "shop") @PathVariable String source,
      @RequestBody(required = false) byte[] body, @Parameter(hidden = true) @RequestHeader HttpHeaders headers) {
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
