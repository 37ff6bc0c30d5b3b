package io.opsflow.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opsflow.mail.*}; the server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from sender address of every mail
 * @param maxAttempts attempts to send a mail before it is given up as FAILED
 */
@ConfigurationProperties("opsflow.mail")
record MailSettings(@DefaultValue("opsflow@opsflow.example") String from, @DefaultValue("5") int maxAttempts) {

  MailSettings {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("opsflow.mail.max-attempts '" + maxAttempts + "' must be at least 1");
    }
  }
}
