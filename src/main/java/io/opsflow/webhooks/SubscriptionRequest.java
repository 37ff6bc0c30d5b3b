package io.opsflow.webhooks;

import io.opsflow.platform.OneLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A subscription as an administrator enters it.
 *
 * @param url where the events are POSTed: {@code http://} or {@code https://}
 * @param events the event names ({@code order.shipped}, ...)
 * @param format {@code JSON} (default) or {@code TEXT} for Slack's and Teams' incoming webhooks
 * @param secret the key of the signatures; Opsflow makes one when none is given (on creation only)
 */
record SubscriptionRequest(
    @NotBlank @Size(max = MAX_URL) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http:// or https:// URL")
    String url,
    @NotEmpty(message = "must name at least one event") @Size(max = 20) List<@NotNull WebhookEvent> events,
    DeliveryFormat format,
    @Size(max = MAX_DESCRIPTION) @OneLine String description,
    @Size(min = 16, max = 100) @Pattern(regexp = "[\\p{Graph}]+", message = "must be printable characters without spaces")
    String secret) {

  static final int MAX_URL = 2000;
  static final int MAX_DESCRIPTION = 200;

  DeliveryFormat formatOrDefault() {
    return format == null ? DeliveryFormat.JSON : format;
  }
}
