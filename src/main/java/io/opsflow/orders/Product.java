package io.opsflow.orders;

import io.opsflow.platform.ApiException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import org.hibernate.annotations.Check;

/**
 * An article in stock. {@code reserved} units belong to accepted orders that have not shipped;
 * what can still be promised is {@link #available()}. The database itself refuses negative stock
 * and reservations beyond what is on hand.
 */
@Entity
@Table(name = "product")
@Check(name = "product_stock_valid", constraints = "on_hand >= 0 and reserved >= 0 and reserved <= on_hand")
class Product {

  @Id
  @Column(length = 40)
  private String sku;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false, precision = 12, scale = 2)
  private BigDecimal price;

  @Column(name = "on_hand", nullable = false)
  private int onHand;

  @Column(nullable = false)
  private int reserved;

  @Version
  private Long version;

  protected Product() {}

  Product(String sku, String name, BigDecimal price, int onHand) {
    this.sku = sku;
    this.name = name;
    this.price = price;
    this.onHand = onHand;
  }

  String sku() {
    return sku;
  }

  String name() {
    return name;
  }

  BigDecimal price() {
    return price;
  }

  int onHand() {
    return onHand;
  }

  int reserved() {
    return reserved;
  }

  int available() {
    return onHand - reserved;
  }

  boolean canReserve(int quantity) {
    return quantity <= available();
  }

  void reserve(int quantity) {
    if (!canReserve(quantity)) {
      throw ApiException.conflict(quantity + " x " + sku + " requested, only " + available() + " available");
    }
    reserved += quantity;
  }

  void release(int quantity) {
    requireReserved(quantity);
    reserved -= quantity;
  }

  /** Reserved units leave the stock: shipped, or found missing on the shelf. */
  void takeOutReserved(int quantity) {
    requireReserved(quantity);
    reserved -= quantity;
    onHand -= quantity;
  }

  void restock(int quantity) {
    if (quantity < 1) {
      throw new IllegalArgumentException("restock needs a positive quantity, not " + quantity);
    }
    onHand += quantity;
  }

  private void requireReserved(int quantity) {
    if (quantity > reserved) {
      throw ApiException.conflict(
          quantity + " x " + sku + " to take from the reservation, only " + reserved + " reserved");
    }
  }
}
