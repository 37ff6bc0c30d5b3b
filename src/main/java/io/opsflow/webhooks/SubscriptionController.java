package io.opsflow.webhooks;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Webhook subscriptions and the delivery log, for administrators; the service checks the right. */
@RestController
@RequestMapping("/api/webhooks")
class SubscriptionController {

  private final WebhookSubscriptions subscriptions;

  SubscriptionController(WebhookSubscriptions subscriptions) {
    this.subscriptions = subscriptions;
  }

  @GetMapping("/subscriptions")
  List<SubscriptionView> list() {
    return subscriptions.list();
  }

  @PostMapping("/subscriptions")
  ResponseEntity<SubscriptionView> create(@Valid @RequestBody SubscriptionRequest request) {
    SubscriptionView created = subscriptions.create(request);
    return ResponseEntity.created(URI.create("/api/webhooks/subscriptions/" + created.id())).body(created);
  }

  @GetMapping("/subscriptions/{id}")
  SubscriptionView get(@PathVariable long id) {
    return subscriptions.find(id);
  }

  @PutMapping("/subscriptions/{id}")
  SubscriptionView update(@PathVariable long id, @Valid @RequestBody SubscriptionRequest request) {
    return subscriptions.update(id, request);
  }

  @DeleteMapping("/subscriptions/{id}")
  ResponseEntity<Void> delete(@PathVariable long id) {
    subscriptions.delete(id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/subscriptions/{id}/deliveries")
  List<DeliveryView> deliveriesOf(@PathVariable long id) {
    return subscriptions.deliveries(id);
  }

  /** The latest 200 deliveries of all subscriptions, or of one ({@code ?subscriptionId=}). */
  @GetMapping("/deliveries")
  List<DeliveryView> deliveries(@RequestParam(required = false) Long subscriptionId) {
    return subscriptions.deliveries(subscriptionId);
  }
}
