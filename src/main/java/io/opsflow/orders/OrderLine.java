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

  /** False for a line a webshop sent with a SKU the catalogue does not know: no name, no price, until sales corrects it. */
  @Column(name = "known_article", nullable = false)
  private boolean knownArticle = true;

  /** The name an unknown article has until sales corrects it. */
  static final String UNKNOWN_ARTICLE = "Unknown article";

  protected OrderLine() {}

  OrderLine(Product product, int quantity) {
    this.sku = product.sku();
    this.productName = product.name();
    this.unitPrice = product.price();
    this.quantity = quantity;
  }

  /** A webshop's line whose SKU the catalogue does not know: priced at 0 until corrected. */
  static OrderLine unknownArticle(String sku, int quantity) {
    OrderLine line = new OrderLine();
    line.sku = sku;
    line.productName = UNKNOWN_ARTICLE;
    line.unitPrice = BigDecimal.ZERO;
    line.quantity = quantity;
    line.knownArticle = false;
    return line;
  }

  /** Sales named the catalogue's article for this unknown one. */
  void correctedTo(Product product) {
    this.sku = product.sku();
    this.productName = product.name();
    this.unitPrice = product.price();
    this.knownArticle = true;
  }

  boolean isKnownArticle() {
    return knownArticle;
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
