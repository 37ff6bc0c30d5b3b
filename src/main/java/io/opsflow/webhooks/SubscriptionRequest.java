package io.opsflow.webhooks;

import io.opsflow.platform.OneLine;
import io.swagger.v3.oas.annotations.media.Schema;
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
    @Schema(example = "https://books.example.com/hooks/opsflow") @NotBlank @Size(max = MAX_URL) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http:// or https:// URL")
    String url,
    @NotEmpty(message = "must name at least one event") @Size(max = 20) List<@NotNull WebhookEvent> events,
    DeliveryFormat format,
    @Schema(example = "Bookkeeping: what shipped") @Size(max = MAX_DESCRIPTION) @OneLine String description,
    @Schema(example = "b2f7c1e94a0d4e6f") @Size(min = 16, max = 100) @Pattern(regexp = PRINTABLE, message = PRINTABLE_RULE)
    String secret) {

  static final int MAX_URL = 2000;
  /** Printable ASCII without spaces: Java's {@code \p{Graph}}, written so that the description's ECMA 262 regex reads it too. */
  static final String PRINTABLE = "[!-~]+";
  static final String PRINTABLE_RULE = "must be printable characters without spaces";
  static final int MAX_DESCRIPTION = 200;

  DeliveryFormat formatOrDefault() {
    return format == null ? DeliveryFormat.JSON : format;
  }
}
