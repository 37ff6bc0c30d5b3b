package io.opsflow.platform;

import static io.opsflow.BadInput.assertRefused;
import static io.opsflow.BadInput.stored;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.OpsflowSpringTest;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code Idempotency-Key} on the three creations, over HTTP: a retry gets the first answer and creates nothing. */
@OpsflowSpringTest
class IdempotencyKeyTest {

  private static final String ORDERS = "/api/orders";

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdempotencyKeys keys;

  @AfterEach
  void realClock() {
    ClockUtil.reset();
  }

  static Stream<Arguments> creations() {
    return Stream.of(
        Arguments.of("sam", ORDERS, order(1)),
        Arguments.of("helen", "/api/hires", """
            {"name":"Ann Example","email":"ann+%s@private.example","role":"sales","department":"sales",
             "managerId":"sarah","startDate":"2031-06-09"}""".formatted(UUID.randomUUID())),
        Arguments.of("sam", "/api/changes", """
            {"title":"New break schedule","description":"Breaks at fixed times","owner":"sam","affectedTeams":["sales"],
             "impact":"low","urgency":"low","plannedRolloutDate":"%s","rollbackPlan":"Go back"}"""
            .formatted(LocalDate.now().plusDays(30))));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("creations")
  void theSameKeyAgainAnswersTheFirstResultWith200AndCreatesNothing(String user, String path, String body) {
    String key = newKey();
    ResponseEntity<String> first = post(user, path, key, body);
    Map<String, Long> afterFirst = stored(jdbc);

    ResponseEntity<String> again = post(user, path, key, body);

    assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody()).isEqualTo(first.getBody());
    assertThat(again.getHeaders().getFirst(IdempotencyFilter.REPLAYED)).isEqualTo("true");
    assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    assertThat(stored(jdbc)).isEqualTo(afterFirst);
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefusedWith422NamingTheHeader() {
    String key = newKey();
    post("sam", ORDERS, key, order(1));
    Map<String, Long> before = stored(jdbc);

    ResponseEntity<JsonNode> refused = postForJson("sam", ORDERS, key, order(2));

    assertRefused(refused, HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key: '" + key + "' was used for a different request");
    assertThat(stored(jdbc)).isEqualTo(before);
  }

  @Test
  void aKeyWhoseFirstRequestIsStillRunningAnswers409() {
    String key = newKey();
    keys.claim("sam", "POST " + ORDERS, key, IdempotencyFilter.sha256(order(1).getBytes()));
    Map<String, Long> before = stored(jdbc);

    ResponseEntity<JsonNode> refused = postForJson("sam", ORDERS, key, order(1));

    assertRefused(refused, HttpStatus.CONFLICT, "Idempotency-Key: a request with '" + key + "' is still running");
    assertThat(stored(jdbc)).isEqualTo(before);
  }

  /** Its JVM died before the creation committed: nothing was created, and a retry runs it after a minute. */
  @Test
  void aClaimWhoseRequestNeverAnsweredIsTakenOverByARetryAfterAMinute() {
    String key = newKey();
    String body = order(1);
    keys.claim("sam", "POST " + ORDERS, key, IdempotencyFilter.sha256(body.getBytes()));
    ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(IdempotencyKeys.ABANDONED_AFTER).plusSeconds(1)));

    ResponseEntity<String> retried = post("sam", ORDERS, key, body);

    assertThat(retried.getStatusCode()).as(retried.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(post("sam", ORDERS, key, body).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aRefusedRequestKeepsNothingSoTheKeyWorksForTheCorrectedOne() {
    String key = newKey();
    ResponseEntity<String> refused = post("sam", ORDERS, key, order(10_001));

    ResponseEntity<String> corrected = post("sam", ORDERS, key, order(1));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(corrected.getStatusCode()).as(corrected.getBody()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void keysArePerUser() {
    String key = newKey();

    assertThat(post("sam", ORDERS, key, order(1)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(post("sarah", ORDERS, key, order(1)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void after24HoursTheKeyIsForgottenAndPurged() {
    String key = newKey();
    post("sam", ORDERS, key, order(1));
    ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(IdempotencyKeys.KEPT_FOR).plusSeconds(1)));

    assertThat(post("sam", ORDERS, key, order(2)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(IdempotencyKeys.KEPT_FOR).plusSeconds(1)));
    keys.purgeExpired();
    assertThat(jdbc.queryForObject("select count(*) from ops_idempotent_request where idempotency_key = ?", Long.class, key))
        .isZero();
  }

  /** Two clients retrying at once: one order, and the other gets its answer or 409, never a second order. */
  @Test
  void twoRequestsWithTheSameKeyAtOnceCreateOneOrder() throws Exception {
    String key = newKey();
    long before = jdbc.queryForObject("select count(*) from customer_order", Long.class);

    List<ResponseEntity<String>> answers = Concurrently.atOnce(() -> post("sam", ORDERS, key, order(1)),
        () -> post("sam", ORDERS, key, order(1)));

    assertThat(answers).extracting(ResponseEntity::getStatusCode).containsOnlyOnce(HttpStatus.CREATED)
        .containsAnyOf(HttpStatus.OK, HttpStatus.CONFLICT);
    assertThat(jdbc.queryForObject("select count(*) from customer_order", Long.class)).isEqualTo(before + 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "a-tab\tinside", "a-key-of-101-characters-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
  void aKeyOutsideTheSyntaxIsRefusedWith400NamingTheHeader(String key) {
    Map<String, Long> before = stored(jdbc);

    ResponseEntity<JsonNode> refused = postForJson("sam", ORDERS, key, order(1));

    assertRefused(refused, HttpStatus.BAD_REQUEST, "Idempotency-Key: must be 1 to 100 printable ASCII characters");
    assertThat(stored(jdbc)).isEqualTo(before);
  }

  @Test
  void theKeySentTwiceIsRefused() {
    HttpHeaders headers = headers("first");
    headers.add(IdempotencyFilter.HEADER, "second");

    ResponseEntity<JsonNode> refused = http.withBasicAuth("sam", "sam").postForEntity(ORDERS,
        new HttpEntity<>(order(1), headers), JsonNode.class);

    assertRefused(refused, HttpStatus.BAD_REQUEST, "Idempotency-Key: must be 1 to 100 printable ASCII characters, sent once");
  }

  private ResponseEntity<String> post(String user, String path, String key, String body) {
    return http.withBasicAuth(user, user).postForEntity(path, new HttpEntity<>(body, headers(key)), String.class);
  }

  private ResponseEntity<JsonNode> postForJson(String user, String path, String key, String body) {
    return http.withBasicAuth(user, user).postForEntity(path, new HttpEntity<>(body, headers(key)), JsonNode.class);
  }

  private static HttpHeaders headers(String key) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set(IdempotencyFilter.HEADER, key);
    return headers;
  }

  private static String order(int quantity) {
    return """
        {"customerName":"Ann Example","customerEmail":"ann@example.com","lines":[{"sku":"CABLE-USBC","quantity":%d}]}"""
        .formatted(quantity);
  }

  private static String newKey() {
    return UUID.randomUUID().toString();
  }
}
