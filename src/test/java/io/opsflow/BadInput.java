package io.opsflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Bad input sent to our API as a script sends it, and what every refusal must look like: a clear
 * 4xx whose message names the field and the rule, never a Java class, an exception or SQL; and
 * nothing stored. Register it in a test class with {@code @RegisterExtension}.
 */
public final class BadInput implements BeforeEachCallback {

  /** Our tables and the engine's process instances: a refused request adds to none of them. */
  private static final List<String> TABLES = List.of("CUSTOMER_ORDER", "ORDER_LINE", "OPS_CHANGE_REQUEST", "OPS_CHANGE_LOG",
      "OPS_HIRE", "SLA_ABSENCE", "NOTIFY_OUTBOX", "ACT_HI_PROCINST");

  private TestRestTemplate http;
  private JdbcTemplate jdbc;

  @Override
  public void beforeEach(ExtensionContext context) {
    ApplicationContext app = SpringExtension.getApplicationContext(context);
    http = app.getBean(TestRestTemplate.class);
    jdbc = app.getBean(JdbcTemplate.class);
  }

  /** Posts {@code body} as {@code user}: refused with 400 and the message, and nothing stored. */
  public void assertPostRefused(String user, String path, Object body, String message) {
    Map<String, Long> before = stored(jdbc);

    ResponseEntity<JsonNode> response = http.withBasicAuth(user, user).postForEntity(path, body, JsonNode.class);

    assertRefused(response, HttpStatus.BAD_REQUEST, message);
    assertThat(stored(jdbc)).isEqualTo(before);
  }

  /** A text of {@code length} letters. */
  public static String text(int length) {
    return "x".repeat(length);
  }

  /** A body of the given content type, with the header that lets a script past the cross-site guard. */
  public static HttpEntity<String> typed(String contentType, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.CONTENT_TYPE, contentType);
    headers.set("X-Requested-With", "opsflow-tests");
    return new HttpEntity<>(body, headers);
  }

  /** The row count of every table a request could write to. */
  public static Map<String, Long> stored(JdbcTemplate jdbc) {
    Map<String, Long> counts = new LinkedHashMap<>();
    TABLES.forEach(table -> counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class)));
    return counts;
  }

  public static void assertRefused(ResponseEntity<JsonNode> response, HttpStatus status, String... messageParts) {
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
    assertThat(response.getBody().get("status").asInt()).isEqualTo(status.value());
    assertThat(response.getBody().get("detail").asText()).contains(messageParts)
        .doesNotContain("io.opsflow", "java.", "Exception", "SQL", "\n");
  }
}
