package io.opsflow.notify;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A real SMTP server (GreenMail) on a free port of localhost ({@link TestSmtpPort}), where the app
 * sends the mails, for one test class; emptied before each test.
 * <pre>
 * &#64;RegisterExtension
 * static final TestMailbox mailbox = new TestMailbox();
 * ...
 * List&lt;ReceivedMail&gt; mails = mailbox.awaitMails("wendy", "order 42", 1);
 * </pre>
 * Mails are sent after the commit, in the background, so wait for them; waiting returns as soon
 * as the mails are there. The Spring context is shared by all test classes, so filter by
 * something of your test (a business key), not only by recipient.
 */
public final class TestMailbox implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

  /** A recipient without {@code @} is a demo user id. */
  static final String DEMO_DOMAIN = "@opsflow.example";
  static final Duration TIMEOUT = Duration.ofSeconds(15);

  /** A mail as one recipient got it. */
  public record ReceivedMail(String recipient, List<String> to, String subject, String body) {

    public boolean mentions(String text) {
      return subject.contains(text) || body.contains(text);
    }
  }

  private GreenMail greenMail;
  private JdbcTemplate outbox;
  private long queuedBefore;

  @Override
  public void beforeAll(ExtensionContext context) {
    greenMail = new GreenMail(new ServerSetup(TestSmtpPort.PORT, "localhost", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
  }

  @Override
  public void beforeEach(ExtensionContext context) throws FolderException {
    greenMail.purgeEmailFromAllMailboxes();
    outbox = SpringExtension.getApplicationContext(context).getBean(JdbcTemplate.class);
    queuedBefore = outbox.queryForObject("select coalesce(max(id), 0) from notify_outbox", Long.class);
  }

  /**
   * Waits until every mail queued since the test began has left the outbox ({@code OutboxMail} no
   * longer PENDING or SENDING): after that, a mail that is not in the mailbox was never sent, and
   * asserting its absence means something.
   */
  public void awaitOutboxProcessed() {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      int deliveredSoFar = greenMail.getReceivedMessages().length;
      List<String> underway = outbox.queryForList("select mail_key from notify_outbox where id > ? and status in (?, ?)",
          String.class, queuedBefore, MailStatus.PENDING.name(), MailStatus.SENDING.name());
      if (underway.isEmpty()) {
        return;
      }
      long leftMillis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
      if (leftMillis <= 0) {
        throw new AssertionError("mails still in the outbox after " + TIMEOUT + ": " + underway);
      }
      // returns at the next delivery to anyone, or after a short while to look at the outbox again
      greenMail.waitForIncomingEmail(Math.min(leftMillis, 100), deliveredSoFar + 1);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    greenMail.stop();
  }

  /** Waits until this recipient has at least {@code count} mails; returns all of them. */
  public List<ReceivedMail> awaitMails(String recipient, int count) {
    return awaitMails(recipient, mail -> true, count, "");
  }

  /** Waits until this recipient has at least {@code count} mails mentioning the text; returns those. */
  public List<ReceivedMail> awaitMails(String recipient, String mentioning, int count) {
    return awaitMails(recipient, mail -> mail.mentions(mentioning), count, " mentioning '" + mentioning + "'");
  }

  /** Waits until this recipient has at least {@code count} mails mentioning every one of the texts; returns those. */
  public List<ReceivedMail> awaitMails(String recipient, int count, String... mentioningAll) {
    return awaitMails(recipient, mail -> Arrays.stream(mentioningAll).allMatch(mail::mentions), count,
        " mentioning all of " + Arrays.toString(mentioningAll));
  }

  /** The mails this recipient has now, mentioning the text. */
  public List<ReceivedMail> mailsTo(String recipient, String mentioning) {
    return mailsTo(address(recipient)).stream().filter(mail -> mail.mentions(mentioning)).toList();
  }

  private List<ReceivedMail> awaitMails(String recipient, Predicate<ReceivedMail> filter, int count, String what) {
    String address = address(recipient);
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      int deliveredSoFar = greenMail.getReceivedMessages().length;
      List<ReceivedMail> mails = mailsTo(address).stream().filter(filter).toList();
      if (mails.size() >= count) {
        return mails;
      }
      long leftMillis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
      if (leftMillis <= 0) {
        throw new AssertionError("expected " + count + " mail(s) to " + address + what + " within " + TIMEOUT
            + ", got " + mails.size() + ": " + mails);
      }
      // returns at the next delivery to anyone, or at the deadline
      greenMail.waitForIncomingEmail(leftMillis, deliveredSoFar + 1);
    }
  }

  /** Reads again when a delivery changes GreenMail's store while it is read (it does not lock). */
  private List<ReceivedMail> mailsTo(String address) {
    while (true) {
      try {
        return greenMail.findReceivedMessages(user -> address.equalsIgnoreCase(user.getEmail()), message -> true)
            .map(message -> read(address, message)).toList();
      } catch (ConcurrentModificationException deliveredMeanwhile) {
        Thread.onSpinWait();
      }
    }
  }

  private static ReceivedMail read(String recipient, MimeMessage message) {
    try {
      Address[] to = message.getAllRecipients();
      return new ReceivedMail(recipient, to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList(),
          message.getSubject(), message.getContent().toString().replace("\r\n", "\n"));
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String address(String recipient) {
    return recipient.contains("@") ? recipient : recipient + DEMO_DOMAIN;
  }
}
