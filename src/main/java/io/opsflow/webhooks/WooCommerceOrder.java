package io.opsflow.webhooks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The part of WooCommerce's order (the body of its {@code order.created} webhook, the order of its
 * REST API) that Opsflow takes: the order id, the billing name and e-mail, and the line items. A
 * line item without a SKU gets {@code WC-<product_id>} (or {@code WC-<product_id>-<variation_id>}),
 * which the catalogue does not know: sales corrects it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record WooCommerceOrder(Long id, Billing billing, @JsonProperty("line_items") List<LineItem> lineItems) {

  @Schema(name = "WooCommerceBilling")
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Billing(@JsonProperty("first_name") String firstName, @JsonProperty("last_name") String lastName, String email) {}

  @Schema(name = "WooCommerceLineItem")
  @JsonIgnoreProperties(ignoreUnknown = true)
  record LineItem(@JsonProperty("product_id") Long productId, @JsonProperty("variation_id") Long variationId, String sku,
      Integer quantity) {}

  ShopOrder toShopOrder() {
    ShopOrder.Customer customer = billing == null ? null : new ShopOrder.Customer(name(), billing.email());
    List<ShopOrder.Line> lines = lineItems == null ? null : lineItems.stream()
        .map(item -> item == null ? null : new ShopOrder.Line(sku(item), item.quantity())).toList();
    return new ShopOrder(id == null ? null : id.toString(), customer, lines);
  }

  private String name() {
    String name = Stream.of(billing.firstName(), billing.lastName()).filter(part -> part != null && !part.isBlank())
        .map(String::strip).collect(Collectors.joining(" "));
    return name.isEmpty() ? null : name;
  }

  private static String sku(LineItem item) {
    if (item.sku() != null && !item.sku().isBlank()) {
      return item.sku();
    }
    if (item.productId() == null) {
      return null;
    }
    boolean variation = item.variationId() != null && item.variationId() != 0;
    return "WC-" + item.productId() + (variation ? "-" + item.variationId() : "");
  }

  /** The field of WooCommerce's order that a field of {@link ShopOrder} comes from, for a 400 that names it. */
  static String field(String shopOrderField) {
    return shopOrderField.replaceFirst("^externalId", "id")
        .replaceFirst("^customer\\.name", "billing.first_name")
        .replaceFirst("^customer", "billing")
        .replaceFirst("^lines", "line_items");
  }
}
