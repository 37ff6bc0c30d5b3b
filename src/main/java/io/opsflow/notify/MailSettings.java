package io.opsflow.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opsflow.mail.*}; the server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from sender address of every mail
 * @param maxAttempts attempts to send a mail before it is given up as FAILED
 * @param sendLease how long a claimed mail may take to send before the sweep assumes its sender
 *     died (and sends it again: a crash between the server's acceptance and the commit of SENT
 *     sends a mail twice, with the same {@value MailDispatcher#KEY_HEADER})
 */
@ConfigurationProperties("opsflow.mail")
record MailSettings(@DefaultValue("opsflow@opsflow.example") String from, @DefaultValue("5") int maxAttempts,
    @DefaultValue("PT10M") Duration sendLease) {

  MailSettings {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("opsflow.mail.max-attempts '" + maxAttempts + "' must be at least 1");
    }
    if (sendLease.isNegative() || sendLease.isZero()) {
      throw new IllegalArgumentException("opsflow.mail.send-lease '" + sendLease + "' must be positive");
    }
  }
}
