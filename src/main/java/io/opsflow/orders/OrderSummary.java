package io.opsflow.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.stream.Collectors;

/** An order written out for people: Markdown for task forms, plain text for customer mails. */
final class OrderSummary {

  private OrderSummary() {}

  static String markdown(Order order) {
    String rows = order.lines().stream()
        .map(line -> "| " + escape(line.productName()) + " | " + escape(line.sku()) + " | " + line.quantity()
            + " | " + amount(line.unitPrice()) + " | " + amount(line.lineTotal()) + " |")
        .collect(Collectors.joining("\n"));
    return "**Order " + order.id() + "** for " + escape(order.customerName()) + " (" + escape(order.customerEmail())
        + ")\n\n| Item | SKU | Quantity | Price | Amount |\n|---|---|--:|--:|--:|\n" + rows
        + "\n\n**Total " + amount(order.total()) + "**"
        + (order.needsAttention() ? "\n\n**Not in the catalogue:** " + order.unknownArticles().stream()
            .map(line -> escape(line.sku())).collect(Collectors.joining(", ")) : "");
  }

  static String plainText(Order order) {
    return order.lines().stream()
        .map(line -> "  " + line.quantity() + " x " + line.productName() + " (" + line.sku() + ")  "
            + amount(line.lineTotal()))
        .collect(Collectors.joining("\n")) + "\n\n  Total: " + amount(order.total());
  }

  static String amount(BigDecimal value) {
    return String.format("%,.2f", value.setScale(2, RoundingMode.HALF_UP));
  }

  /** Keeps customer input from turning into Markdown or HTML, or breaking the table. */
  private static String escape(String text) {
    return text.replaceAll("([\\\\`*_\\[\\]|<>])", "\\\\$1");
  }
}
