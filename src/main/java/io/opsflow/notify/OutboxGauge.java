package io.opsflow.notify;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code opsflow_mail_outbox_waiting}: mails of the outbox not sent yet (pending, or claimed by a
 * sender). It should be near 0; if it grows, the mail server is down or rejects Opsflow's mails.
 * The gauge holds the repository strongly: Micrometer keeps a weak reference by default, and the
 * repository injected here (deferred bootstrap: a lazy proxy nobody else holds) would be collected,
 * leaving the gauge at NaN.
 */
@Component
class OutboxGauge {

  OutboxGauge(MeterRegistry registry, OutboxMailRepository outbox) {
    Gauge.builder("opsflow.mail.outbox.waiting", outbox, mails -> mails.countByStatusIn(MailDispatcher.STATES.due()))
        .description("Mails in the outbox not sent yet (pending or being sent)")
        .strongReference(true)
        .register(registry);
  }
}
