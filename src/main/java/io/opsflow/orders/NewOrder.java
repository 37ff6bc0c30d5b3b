package io.opsflow.orders;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** An order as the customer or sales enters it: the API's request body and the start form. */
record NewOrder(
    @NotBlank @Size(max = 200) String customerName,
    @NotBlank @Size(max = 254) @Email(regexp = ".+@.+\\..+", message = "must be a valid e-mail address")
    String customerEmail,
    @NotEmpty(message = "must contain at least one line") List<@NotNull @Valid Line> lines) {

  record Line(@NotBlank String sku, @NotNull @Min(1) Integer quantity) {}
}
