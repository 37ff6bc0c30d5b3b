package io.opsflow.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where events may be delivered: by default only to public addresses, so that a subscription
 * cannot make Opsflow call into its own network (the database, a cloud's metadata service at
 * 169.254.169.254, an admin port on localhost). A receiver inside the company's network is allowed
 * with {@code opsflow.webhooks.outbound.allow-private-networks: true}. Checked when a subscription
 * is saved and again before each delivery, since a name may point elsewhere later.
 */
@Component
class ReceiverAddresses {

  static final String ALLOW = "opsflow.webhooks.outbound.allow-private-networks";

  private final boolean privateNetworks;

  @Autowired
  ReceiverAddresses(WebhookProperties properties) {
    this(properties.outbound().allowPrivateNetworks());
  }

  ReceiverAddresses(boolean privateNetworks) {
    this.privateNetworks = privateNetworks;
  }

  /** Why events may not go to {@code url}'s host, or empty; a host that is not known (yet) is no reason. */
  Optional<String> refusal(URI url) {
    if (privateNetworks) {
      return Optional.empty();
    }
    try {
      return Arrays.stream(InetAddress.getAllByName(url.getHost())).filter(ReceiverAddresses::isPrivate).findFirst()
          .map(address -> "points to " + address.getHostAddress() + ", an address of a private or local network;"
              + " receivers there need " + ALLOW + ": true");
    } catch (UnknownHostException notKnown) {
      return Optional.empty();
    }
  }

  private static boolean isPrivate(InetAddress address) {
    byte[] bytes = address.getAddress();
    boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xFE) == 0xFC;
    boolean sharedV4 = bytes.length == 4 && (bytes[0] & 0xFF) == 100 && (bytes[1] & 0xC0) == 64;
    return address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress() || uniqueLocalV6 || sharedV4;
  }
}
