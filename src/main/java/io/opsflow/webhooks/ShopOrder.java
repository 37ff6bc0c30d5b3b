package io.opsflow.webhooks;

import io.opsflow.orders.NewOrder;
import io.opsflow.platform.OneLine;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An order as a webshop sends it in Opsflow's generic shape (and as the WooCommerce mapping
 * turns WooCommerce's order into it):
 * {@code {"externalId", "customer": {"name", "email"}, "lines": [{"sku", "quantity"}]}}.
 *
 * @param externalId the shop's order number: a second delivery with the same one returns the first result
 */
record ShopOrder(
    @Schema(example = "WEB-1001") @NotBlank @Size(max = 100) @Pattern(regexp = SubscriptionRequest.PRINTABLE, message = SubscriptionRequest.PRINTABLE_RULE)
    String externalId,
    @NotNull @Valid Customer customer,
    @NotEmpty(message = "must contain at least one line") @Size(max = NewOrder.MAX_LINES) List<@NotNull @Valid Line> lines) {

  @Schema(name = "ShopOrderCustomer")
  record Customer(@Schema(example = "Ada Lovelace") @NotBlank @Size(max = 200) @OneLine String name,
      @Schema(example = "ada@example.com") @NotBlank @Size(max = 254) @OneLine @Email(regexp = ".+@.+\\..+", message = "must be a valid e-mail address") String email) {}

  @Schema(name = "ShopOrderLine")
  record Line(@Schema(example = "LAMP-LED") @NotBlank @Size(max = 40) @OneLine String sku,
      @NotNull @Min(1) @Max(NewOrder.MAX_QUANTITY) Integer quantity) {}

  /**
   * Opsflow's order: one line per article, so lines of the same SKU (two variants, an item added
   * later) are one line with their quantities added up. The shop took the order as it is; a refusal
   * would only make it send the same again.
   */
  NewOrder toNewOrder() {
    Map<String, Integer> quantities = new LinkedHashMap<>();
    lines.forEach(line -> quantities.merge(line.sku(), line.quantity(), Integer::sum));
    return new NewOrder(customer.name(), customer.email(),
        quantities.entrySet().stream().map(line -> new NewOrder.Line(line.getKey(), line.getValue())).toList());
  }
}
