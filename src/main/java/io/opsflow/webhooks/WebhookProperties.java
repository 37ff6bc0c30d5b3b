package io.opsflow.webhooks;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opsflow.webhooks.*}.
 *
 * @param inbound the webshops that may send orders, by the source name in their URL
 *     ({@code /api/webhooks/orders/{source}}): {@code opsflow.webhooks.inbound.shop.secret}
 * @param outbound how events are delivered to subscribers
 */
@ConfigurationProperties("opsflow.webhooks")
record WebhookProperties(Map<String, Source> inbound, @DefaultValue Outbound outbound) {

  WebhookProperties {
    inbound = inbound == null ? Map.of() : Map.copyOf(inbound);
    inbound.forEach((name, source) -> {
      if (!Source.NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("opsflow.webhooks.inbound." + name + ": a source's name has 1 to 40 lower-case"
            + " letters, digits and hyphens (it is part of the URL)");
      }
      if (source.secret() == null || source.secret().length() < Source.MIN_SECRET_LENGTH) {
        throw new IllegalArgumentException("opsflow.webhooks.inbound." + name + ".secret must have at least "
            + Source.MIN_SECRET_LENGTH + " characters");
      }
    });
  }

  /**
   * A webshop.
   *
   * @param secret the key of the HMAC-SHA256 signature of every body it sends
   * @param format what it sends: {@code generic} (Opsflow's shape) or {@code woocommerce}
   */
  record Source(String secret, @DefaultValue("generic") ShopFormat format) {

    static final int MIN_SECRET_LENGTH = 16;
    static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}");
  }

  /**
   * @param maxAttempts attempts to deliver an event before it is given up as FAILED
   * @param firstRetry the wait after the first failed attempt; then 4, 9, 16 times as long
   * @param sweepInterval how often deliveries that are due again are sent
   * @param sendLease how long a claimed delivery may take before the sweep assumes its sender died
   * @param timeout how long a receiver may take to answer
   * @param allowPrivateNetworks whether receivers may be on a private or local network ({@link ReceiverAddresses})
   */
  record Outbound(@DefaultValue("8") int maxAttempts, @DefaultValue("PT30S") Duration firstRetry,
      @DefaultValue("PT30S") Duration sweepInterval, @DefaultValue("PT2M") Duration sendLease,
      @DefaultValue("PT10S") Duration timeout, @DefaultValue("false") boolean allowPrivateNetworks) {

    Outbound {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("opsflow.webhooks.outbound.max-attempts '" + maxAttempts + "' must be at least 1");
      }
    }
  }
}
