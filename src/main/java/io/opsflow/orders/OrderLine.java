package io.opsflow.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One article of an order, with the name and price it had when the order was placed. */
@Entity
@Table(name = "order_line")
class OrderLine {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "order_id")
  private Order order;

  @Column(nullable = false, length = 40)
  private String sku;

  @Column(name = "product_name", nullable = false)
  private String productName;

  @Column(name = "unit_price", nullable = false, precision = 12, scale = 2)
  private BigDecimal unitPrice;

  @Column(nullable = false)
  private int quantity;

  protected OrderLine() {}

  OrderLine(Product product, int quantity) {
    this.sku = product.sku();
    this.productName = product.name();
    this.unitPrice = product.price();
    this.quantity = quantity;
  }

  void belongTo(Order order) {
    this.order = order;
  }

  String sku() {
    return sku;
  }

  String productName() {
    return productName;
  }

  BigDecimal unitPrice() {
    return unitPrice;
  }

  int quantity() {
    return quantity;
  }

  BigDecimal lineTotal() {
    return unitPrice.multiply(BigDecimal.valueOf(quantity));
  }
}
