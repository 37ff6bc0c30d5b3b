package io.opsflow.orders;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue with its stock, and booking in stock that arrived. */
@RestController
@RequestMapping("/api/products")
@Tag(name = "Products")
class ProductController {

  record Restock(@NotNull @Min(1) @Max(NewOrder.MAX_QUANTITY) Integer quantity) {}

  private final Inventory inventory;

  ProductController(Inventory inventory) {
    this.inventory = inventory;
  }

  @Operation(operationId = "listProducts", summary = "The catalogue with the stock on hand, reserved and available")
  @GetMapping
  List<ProductView> list() {
    return inventory.products().stream().map(ProductView::of).toList();
  }

  /** Adds the quantity to the stock on hand; back-ordered orders waiting for it check again. */
  @Operation(operationId = "restockProduct", summary = "Book in stock that arrived")
  @PostMapping("/{sku}/restock")
  ProductView restock(@PathVariable String sku, @Valid @RequestBody Restock restock) {
    return ProductView.of(inventory.restock(sku, restock.quantity()));
  }
}
