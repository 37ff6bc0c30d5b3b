package io.opsflow.notify;

import io.opsflow.platform.Organisation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns the recipients of a queued mail into e-mail addresses when it is sent: a {@link MailAudience}
 * recipient into its recipients, a group into its members, a user id into the user's address.
 */
@Component
class Recipients {

  private static final Logger LOG = LoggerFactory.getLogger(Recipients.class);

  private final Organisation organisation;
  private final Map<String, MailAudience> audiences;

  Recipients(Organisation organisation, List<MailAudience> audiences) {
    this.organisation = organisation;
    this.audiences = audiences.stream().collect(Collectors.toMap(MailAudience::prefix, Function.identity()));
  }

  /** The addresses of the recipients, in their order, with one user query for all user ids. */
  List<String> addresses(List<String> queued) {
    List<String> recipients = new ArrayList<>();
    queued.forEach(recipient -> recipients.addAll(audience(recipient)));
    Map<String, String> emails = organisation.emailsOf(recipients.stream().filter(Recipients::isUserId).toList());
    Set<String> addresses = new LinkedHashSet<>();
    for (String recipient : recipients) {
      if (recipient.startsWith(Notifications.GROUP_PREFIX)) {
        addresses.addAll(organisation.memberEmails(recipient.substring(Notifications.GROUP_PREFIX.length())));
      } else if (!isUserId(recipient)) {
        addresses.add(recipient); // an address already
      } else if (emails.containsKey(recipient)) {
        addresses.add(emails.get(recipient));
      } else {
        LOG.info("no e-mail address for {}, not mailed", recipient);
      }
    }
    return List.copyOf(addresses);
  }

  /** The recipients a {@link MailAudience} recipient stands for; any other recipient as it is. */
  private List<String> audience(String recipient) {
    int colon = recipient.indexOf(':');
    MailAudience audience = colon < 0 || recipient.contains("@") ? null : audiences.get(recipient.substring(0, colon));
    return audience == null ? List.of(recipient) : audience.recipients(recipient.substring(colon + 1));
  }

  /** Not a group, not an e-mail address: a user id. */
  private static boolean isUserId(String recipient) {
    return !recipient.startsWith(Notifications.GROUP_PREFIX) && !recipient.contains("@");
  }
}
