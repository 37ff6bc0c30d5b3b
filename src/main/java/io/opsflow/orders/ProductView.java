package io.opsflow.orders;

import java.math.BigDecimal;

/** A product as the API shows it; {@code available} = on hand - reserved. */
record ProductView(String sku, String name, BigDecimal price, int onHand, int reserved, int available) {

  static ProductView of(Product product) {
    return new ProductView(product.sku(), product.name(), product.price(), product.onHand(), product.reserved(),
        product.available());
  }
}
