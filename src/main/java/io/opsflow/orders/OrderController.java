package io.opsflow.orders;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Orders for the shop front and integrations. The service validates and checks rights. */
@RestController
@RequestMapping("/api/orders")
class OrderController {

  private final OrderService orders;

  OrderController(OrderService orders) {
    this.orders = orders;
  }

  @PostMapping
  ResponseEntity<OrderView> place(@RequestBody NewOrder newOrder) {
    OrderView placed = orders.place(newOrder);
    return ResponseEntity.created(URI.create("/api/orders/" + placed.id())).body(placed);
  }

  @GetMapping("/{id}")
  OrderView get(@PathVariable long id) {
    return orders.find(id);
  }

  @GetMapping
  List<OrderView> list(@RequestParam(required = false) OrderStatus status) {
    return orders.list(status);
  }

  @PostMapping("/{id}/cancel")
  OrderView cancel(@PathVariable long id) {
    return orders.requestCancellation(id);
  }
}
