package io.opsflow.orders;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Orders for the shop front and integrations. The service validates and checks rights. */
@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders")
class OrderController {

  private final OrderService orders;

  OrderController(OrderService orders) {
    this.orders = orders;
  }

  @Operation(operationId = "placeOrder", summary = "Place an order; its fulfilment process starts")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ResponseEntity<OrderView> place(@RequestBody NewOrder newOrder) {
    OrderView placed = orders.place(newOrder);
    return ResponseEntity.created(URI.create("/api/orders/" + placed.id())).body(placed);
  }

  @Operation(operationId = "getOrder", summary = "An order with its lines and status")
  @GetMapping("/{id}")
  OrderView get(@PathVariable long id) {
    return orders.find(id);
  }

  @Operation(operationId = "listOrders", summary = "The orders the user may see, optionally of one status")
  @GetMapping
  List<OrderView> list(@RequestParam(required = false) OrderStatus status) {
    return orders.list(status);
  }

  @Operation(operationId = "cancelOrder", summary = "Ask to cancel an open order")
  @PostMapping("/{id}/cancel")
  OrderView cancel(@PathVariable long id) {
    return orders.requestCancellation(id);
  }
}
