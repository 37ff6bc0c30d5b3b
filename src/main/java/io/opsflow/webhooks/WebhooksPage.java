package io.opsflow.webhooks;

import io.opsflow.platform.ApiException;
import io.opsflow.platform.Page;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' webhook page ({@code /me/webhooks}, behind the employees' login with its
 * CSRF token): subscribe a URL to events, delete a subscription, and the delivery log. The same
 * rules as {@code /api/webhooks} ({@link WebhookSubscriptions}); anyone else gets the refusal.
 */
@Controller
class WebhooksPage {

  static final String PATH = "/me/webhooks";
  private static final String OK = "ok";

  private final WebhookSubscriptions subscriptions;

  WebhooksPage(WebhookSubscriptions subscriptions) {
    this.subscriptions = subscriptions;
  }

  @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> show(CsrfToken csrf, Model model) {
    Object done = model.getAttribute(OK);
    try {
      return ResponseEntity.ok().contentType(MediaType.TEXT_HTML)
          .body(page(csrf, done == null ? "" : "<p class=\"message ok\" id=\"message\">" + Page.text(done) + "</p>"));
    } catch (ApiException refused) {
      return refusal(refused);
    }
  }

  @PostMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> subscribe(CsrfToken csrf, @RequestParam(required = false) String url,
      @RequestParam(required = false) List<String> events, @RequestParam(required = false) String format,
      @RequestParam(required = false) String description, RedirectAttributes redirect) {
    return act(csrf, redirect, () -> {
      SubscriptionView created = subscriptions.create(new SubscriptionRequest(required("url", url), events(events),
          format(format), description, null));
      return "Subscribed " + created.url() + ". Its secret, shown only now: " + created.secret();
    });
  }

  @PostMapping(value = PATH + "/{id}/delete", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> delete(CsrfToken csrf, @PathVariable long id, RedirectAttributes redirect) {
    return act(csrf, redirect, () -> {
      subscriptions.delete(id);
      return "Subscription " + id + " deleted.";
    });
  }

  private ResponseEntity<String> act(CsrfToken csrf, RedirectAttributes redirect, Supplier<String> change) {
    try {
      redirect.addFlashAttribute(OK, change.get());
      return ResponseEntity.status(303).header("Location", PATH).build();
    } catch (ApiException refused) {
      if (refused.status().value() == 403) {
        return refusal(refused);
      }
      return ResponseEntity.status(refused.status()).contentType(MediaType.TEXT_HTML)
          .body(page(csrf, "<p class=\"message problem\" id=\"message\">Not saved: " + Page.text(refused.getMessage()) + "</p>"));
    }
  }

  private static ResponseEntity<String> refusal(ApiException refused) {
    return ResponseEntity.status(refused.status()).contentType(MediaType.TEXT_HTML)
        .body(Page.of("Webhooks", "<p class=\"message problem\" id=\"message\">" + Page.text(refused.getMessage()) + "</p>"));
  }

  private static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.badField(field, "is required");
    }
    return value.strip();
  }

  private static List<WebhookEvent> events(List<String> names) {
    if (names == null || names.isEmpty()) {
      throw ApiException.badField("events", "must name at least one event");
    }
    return names.stream().map(WebhookEvent::of).toList();
  }

  private static DeliveryFormat format(String format) {
    return Arrays.stream(DeliveryFormat.values()).filter(value -> value.name().equals(format)).findFirst()
        .orElse(DeliveryFormat.JSON);
  }

  private String page(CsrfToken csrf, String message) {
    List<SubscriptionView> all = subscriptions.list();
    StringBuilder body = new StringBuilder(message);
    body.append("<p class=\"hint\">Each subscribed URL gets a POST per event, signed with its secret (")
        .append(Signatures.HEADER).append(": sha256=&lt;hex&gt;) and carrying the event id (")
        .append(WebhookDispatcher.EVENT_ID_HEADER).append(", the same on every retry). See docs/integration.md.</p>");
    body.append("<section id=\"subscriptions\"><h2>Subscriptions</h2>");
    if (all.isEmpty()) {
      body.append("<p>None yet.</p>");
    }
    for (SubscriptionView subscription : all) {
      body.append("<div class=\"subscription\"><p><strong>").append(Page.text(subscription.url())).append("</strong> (")
          .append(subscription.format()).append("): ")
          .append(Page.text(subscription.events().stream().map(WebhookEvent::type).collect(Collectors.joining(", "))))
          .append(subscription.description() == null ? "" : " &mdash; " + Page.text(subscription.description()))
          .append("</p><form method=\"post\" action=\"").append(PATH).append('/').append(subscription.id())
          .append("/delete\">").append(Page.csrfField(csrf))
          .append("<button type=\"submit\" class=\"secondary\">Delete</button></form></div>");
    }
    body.append("</section><section><h2>Subscribe a URL</h2><form method=\"post\" action=\"").append(PATH).append("\">")
        .append(Page.csrfField(csrf))
        .append("<label>URL <input type=\"url\" name=\"url\" required maxlength=\"").append(SubscriptionRequest.MAX_URL)
        .append("\"></label><fieldset><legend>Events</legend>");
    for (WebhookEvent event : WebhookEvent.values()) {
      body.append("<label><input type=\"checkbox\" name=\"events\" value=\"").append(event.type()).append("\"> ")
          .append(event.type()).append("</label> ");
    }
    body.append("</fieldset><label>Format <select name=\"format\"><option value=\"JSON\">JSON event</option>")
        .append("<option value=\"TEXT\">Text (Slack, Teams)</option></select></label>")
        .append("<label>Description <input type=\"text\" name=\"description\" maxlength=\"")
        .append(SubscriptionRequest.MAX_DESCRIPTION).append("\"></label>")
        .append("<button type=\"submit\">Subscribe</button></form></section>");
    body.append("<section id=\"deliveries\"><h2>Delivery log</h2>");
    List<DeliveryView> log = subscriptions.deliveries(null);
    if (log.isEmpty()) {
      body.append("<p>Nothing delivered yet.</p>");
    } else {
      body.append("<table><thead><tr><th>Event</th><th>URL</th><th>Status</th><th>Attempts</th><th>Last answer</th>")
          .append("<th>Event id</th></tr></thead><tbody>");
      for (DeliveryView delivery : log) {
        body.append("<tr><td>").append(delivery.eventType().type()).append("</td><td>").append(Page.text(delivery.url()))
            .append("</td><td>").append(delivery.status()).append("</td><td>").append(delivery.attempts())
            .append("</td><td>").append(Page.text(delivery.lastAnswer())).append("</td><td>")
            .append(Page.text(delivery.eventId())).append("</td></tr>");
      }
      body.append("</tbody></table>");
    }
    body.append("</section>");
    return Page.of("Webhooks", body.toString());
  }
}
