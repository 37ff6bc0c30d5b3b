package io.opsflow.webhooks;

import java.util.function.UnaryOperator;
import org.springframework.http.HttpHeaders;

/** What a webshop sends: Opsflow's generic order, or WooCommerce's; and how it signs it. */
enum ShopFormat {

  /** {@link ShopOrder}, signed {@code X-Opsflow-Signature: sha256=<hex>}. */
  GENERIC(ShopOrder.class, UnaryOperator.identity()),
  /**
   * {@link WooCommerceOrder}, signed by WooCommerce with {@code X-WC-Webhook-Signature: <base64>}
   * (the webhook's secret), or {@code X-Opsflow-Signature}.
   */
  WOOCOMMERCE(WooCommerceOrder.class, WooCommerceOrder::field);

  static final String WOOCOMMERCE_SIGNATURE = "X-WC-Webhook-Signature";

  private final Class<?> body;
  private final UnaryOperator<String> fieldNames;

  ShopFormat(Class<?> body, UnaryOperator<String> fieldNames) {
    this.body = body;
    this.fieldNames = fieldNames;
  }

  /** The type the body is read as. */
  Class<?> body() {
    return body;
  }

  ShopOrder toShopOrder(Object read) {
    return read instanceof WooCommerceOrder woo ? woo.toShopOrder() : (ShopOrder) read;
  }

  /** The name the shop gave the field of {@link ShopOrder} (for a 400 naming it). */
  String field(String shopOrderField) {
    return fieldNames.apply(shopOrderField);
  }

  boolean signed(String secret, byte[] body, HttpHeaders headers) {
    if (Signatures.matchesHex(secret, body, headers.getFirst(Signatures.HEADER))) {
      return true;
    }
    return this == WOOCOMMERCE && Signatures.matchesBase64(secret, body, headers.getFirst(WOOCOMMERCE_SIGNATURE));
  }
}
