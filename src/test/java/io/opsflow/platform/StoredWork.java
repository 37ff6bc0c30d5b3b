package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What an {@link OrderLoad} left in the database, read straight from the tables (H2 or
 * PostgreSQL) while the application is stopped or dead: every acknowledged order and task
 * completion is there, stock adds up, and the outbox sent every mail once.
 */
final class StoredWork implements AutoCloseable {

  /** The header of every mail sent, naming its outbox row (io.opsflow.notify.MailDispatcher). */
  static final String MAIL_KEY_HEADER = "X-Opsflow-Mail-Key";

  private final SingleConnectionDataSource database;
  private final JdbcTemplate jdbc;

  private StoredWork(SingleConnectionDataSource database) {
    this.database = database;
    this.jdbc = new JdbcTemplate(database);
  }

  /** The database at this JDBC URL, on one connection until {@link #close()}. */
  static StoredWork at(String url, String user, String password) {
    return new StoredWork(new SingleConnectionDataSource(url, user, password, true));
  }

  @Override
  public void close() {
    database.destroy();
  }

  /**
   * Each order that got a 2xx, with the process instance it was answered with, and none twice
   * (each customer of the load orders once); each completed task ended.
   */
  void assertHolds(OrderLoad load) {
    assertThat(jdbc.queryForList("select customer_email from customer_order group by customer_email having count(*) > 1",
        String.class)).as("customers with two orders").isEmpty();
    Map<Long, String> orders = new HashMap<>();
    jdbc.query("select id, process_instance_id from customer_order",
        row -> { orders.put(row.getLong(1), row.getString(2)); });
    assertThat(orders).as("acknowledged orders and their process instances").containsAllEntriesOf(load.acknowledgedOrders());
    Set<String> instances = Set.copyOf(jdbc.queryForList("select ID_ from ACT_HI_PROCINST", String.class));
    assertThat(instances).as("process instances of acknowledged orders").containsAll(load.acknowledgedOrders().values());
    Set<String> ended = Set.copyOf(jdbc.queryForList("select ID_ from ACT_HI_TASKINST where END_TIME_ is not null", String.class));
    assertThat(ended).as("acknowledged task completions").containsAll(load.completedTasks());
    Set<String> open = Set.copyOf(jdbc.queryForList("select ID_ from ACT_RU_TASK", String.class));
    assertThat(open).as("completed tasks still open").doesNotContainAnyElementsOf(load.completedTasks());
  }

  /** Nothing negative, and each product's reserved stock is the sum of the open reservations of orders. */
  void assertStockConsistent() {
    Map<String, Integer> reservedByOrders = new HashMap<>();
    jdbc.query("""
        select l.sku, sum(l.quantity) from order_line l join customer_order o on o.id = l.order_id
        where o.stock_reserved = true group by l.sku""", row -> { reservedByOrders.put(row.getString(1), row.getInt(2)); });
    jdbc.query("select sku, on_hand, reserved from product", row -> {
      String sku = row.getString(1);
      assertThat(row.getInt(2)).as("on hand of %s", sku).isNotNegative();
      assertThat(row.getInt(3)).as("reserved of %s", sku).isNotNegative()
          .isEqualTo(reservedByOrders.getOrDefault(sku, 0)).isLessThanOrEqualTo(row.getInt(2));
    });
  }

  /** Nothing waits to be done: no incident, no job whose retries ran out. */
  void assertNothingStuck() {
    assertThat(jdbc.queryForObject("select count(*) from ACT_RU_INCIDENT", Long.class)).as("incidents").isZero();
    assertThat(jdbc.queryForObject("select count(*) from ACT_RU_JOB where RETRIES_ = 0", Long.class))
        .as("jobs without retries").isZero();
  }

  /**
   * Every mail of the outbox is SENT and reached each of its recipients once. A mail sent in more
   * than one attempt may have reached them once per attempt: an attempt whose sender died (or lost
   * the database) after the mail server took the mail, and before SENT was committed, looks failed
   * to the outbox, which no outbox can rule out.
   */
  void assertEveryMailSentOnce(GreenMail mailServer) {
    Map<String, String> statuses = new HashMap<>();
    Map<String, Integer> recipients = new HashMap<>();
    Map<String, Integer> attempts = new HashMap<>();
    jdbc.query("select mail_key, status, recipients, attempts from notify_outbox", row -> {
      statuses.put(row.getString(1), row.getString(2));
      recipients.put(row.getString(1), row.getString(3).split(",").length);
      attempts.put(row.getString(1), row.getInt(4));
    });
    assertThat(statuses.values()).as("outbox statuses").isNotEmpty().isSubsetOf("SENT", "NOT_SENDABLE");
    Set<String> sent = statuses.keySet().stream().filter(key -> statuses.get(key).equals("SENT")).collect(Collectors.toSet());
    Map<String, Long> received = Arrays.stream(mailServer.getReceivedMessages()).map(StoredWork::mailKey)
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(received.keySet()).as("mails received").containsExactlyInAnyOrderElementsOf(sent);
    received.forEach((key, copies) -> assertThat(copies).as("copies of mail %s (%s recipients, %s attempts)", key,
        recipients.get(key), attempts.get(key)).isBetween((long) recipients.get(key), (long) recipients.get(key) * attempts.get(key)));
  }

  private static String mailKey(MimeMessage message) {
    try {
      return message.getHeader(MAIL_KEY_HEADER, null);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
