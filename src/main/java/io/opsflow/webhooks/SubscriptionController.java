package io.opsflow.webhooks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Webhook subscriptions and the delivery log, for administrators; the service checks the right. */
@RestController
@RequestMapping("/api/webhooks")
@Tag(name = InboundOrderController.TAG)
class SubscriptionController {

  private final WebhookSubscriptions subscriptions;

  SubscriptionController(WebhookSubscriptions subscriptions) {
    this.subscriptions = subscriptions;
  }

  @Operation(operationId = "listSubscriptions", summary = "The webhook subscriptions (administrators)")
  @GetMapping("/subscriptions")
  List<SubscriptionView> list() {
    return subscriptions.list();
  }

  @Operation(operationId = "createSubscription", summary = "Subscribe a URL to events (administrators)")
  @PostMapping("/subscriptions")
  @ResponseStatus(HttpStatus.CREATED)
  ResponseEntity<SubscriptionView> create(@Valid @RequestBody SubscriptionRequest request) {
    SubscriptionView created = subscriptions.create(request);
    return ResponseEntity.created(URI.create("/api/webhooks/subscriptions/" + created.id())).body(created);
  }

  @Operation(operationId = "getSubscription", summary = "A webhook subscription (administrators)")
  @GetMapping("/subscriptions/{id}")
  SubscriptionView get(@PathVariable long id) {
    return subscriptions.find(id);
  }

  @Operation(operationId = "updateSubscription", summary = "Change a subscription's URL, events, format or secret (administrators)")
  @PutMapping("/subscriptions/{id}")
  SubscriptionView update(@PathVariable long id, @Valid @RequestBody SubscriptionRequest request) {
    return subscriptions.update(id, request);
  }

  @Operation(operationId = "deleteSubscription", summary = "End a subscription, with its deliveries and their log (administrators)")
  @DeleteMapping("/subscriptions/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  ResponseEntity<Void> delete(@PathVariable long id) {
    subscriptions.delete(id);
    return ResponseEntity.noContent().build();
  }

  @Operation(operationId = "listSubscriptionDeliveries", summary = "The latest deliveries to a subscription (administrators)")
  @GetMapping("/subscriptions/{id}/deliveries")
  List<DeliveryView> deliveriesOf(@PathVariable long id) {
    return subscriptions.deliveries(id);
  }

  /** The latest 200 deliveries of all subscriptions; of one: {@code /subscriptions/{id}/deliveries}. */
  @Operation(operationId = "listDeliveries", summary = "The delivery log: the latest 200 deliveries of all subscriptions (administrators)")
  @GetMapping("/deliveries")
  List<DeliveryView> deliveries() {
    return subscriptions.deliveries(null);
  }
}
