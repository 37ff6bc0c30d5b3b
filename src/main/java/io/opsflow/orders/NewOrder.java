package io.opsflow.orders;

import io.opsflow.platform.OneLine;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An order as the customer or sales enters it: the API's request body and the start form; also
 * what a webshop's order is turned into ({@link ShopOrders}).
 */
public record NewOrder(
    @Schema(example = "Ada Lovelace") @NotBlank @Size(max = 200) @OneLine String customerName,
    @Schema(example = "ada@example.com") @NotBlank @Size(max = 254) @OneLine @Email(regexp = ".+@.+\\..+", message = "must be a valid e-mail address")
    String customerEmail,
    @NotEmpty(message = "must contain at least one line") @Size(max = MAX_LINES)
    List<@NotNull @Valid Line> lines) {

  public static final int MAX_LINES = 100;
  public static final int MAX_QUANTITY = 10_000;

  @Schema(name = "NewOrderLine")
  public record Line(@Schema(example = "LAMP-LED") @NotBlank @Size(max = 40) String sku, @NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity) {}
}
