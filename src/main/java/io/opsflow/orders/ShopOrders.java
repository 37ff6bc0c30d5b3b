package io.opsflow.orders;

import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Orders from a webshop, for the module that received and authenticated them (webhooks): placed
 * without a logged-in user, by {@code shop:<source>}. An article the catalogue does not know does
 * not refuse the order; the order waits for sales in "Correct unknown articles".
 */
@Service
public class ShopOrders {

  private final OrderService orders;

  ShopOrders(OrderService orders) {
    this.orders = orders;
  }

  /** The order as it was placed: its id and status, and the SKUs the catalogue does not know. */
  public record PlacedOrder(long orderId, String status, List<String> unknownSkus) {}

  /** Places the order and starts its fulfillment, in the caller's transaction; 400 naming the field for invalid input. */
  public PlacedOrder place(String source, NewOrder order) {
    Order placed = orders.placeFromShop(order, "shop:" + source);
    return new PlacedOrder(placed.id(), placed.status().name(),
        placed.unknownArticles().stream().map(OrderLine::sku).toList());
  }
}
