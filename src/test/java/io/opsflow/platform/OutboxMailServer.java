package io.opsflow.platform;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.opsflow.RunningApp;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An SMTP server (GreenMail) on a free port for an application a test starts in its own JVM
 * ({@link RunningApp}), for each test: register with {@code @RegisterExtension} and start the
 * application with {@link #appArguments()}.
 */
final class OutboxMailServer implements BeforeEachCallback, AfterEachCallback {

  private GreenMail greenMail;

  @Override
  public void beforeEach(ExtensionContext context) {
    greenMail = new GreenMail(new ServerSetup(RunningApp.freePort(), "localhost", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    greenMail.stop();
  }

  GreenMail received() {
    return greenMail;
  }

  /**
   * Mails to this server; a mail or a job whose sender died (or lost the database) is taken up
   * again after 30 and 10 seconds, so that a test need not wait the 10 and 5 minutes of
   * production. The lease stays longer than a send takes on a busy machine: a shorter one sends a
   * slow mail again while it is still being sent.
   */
  List<String> appArguments() {
    return List.of("--spring.mail.host=localhost", "--spring.mail.port=" + greenMail.getSmtp().getPort(),
        "--opsflow.mail.sweep-interval=PT1S", "--opsflow.mail.send-lease=PT30S",
        "--camunda.bpm.job-execution.lock-time-in-millis=10000");
  }
}
