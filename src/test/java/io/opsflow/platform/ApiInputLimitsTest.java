package io.opsflow.platform;

import static io.opsflow.BadInput.assertRefused;
import static io.opsflow.BadInput.stored;
import static io.opsflow.BadInput.typed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.BadInput;
import io.opsflow.OpsflowSpringTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every write of our API refuses a body that is not JSON (415, also from scripts that pass the
 * cross-site guard with {@code X-Requested-With}) and a body above 1 MB (413, by its length or
 * sent in chunks); nothing is stored.
 */
@OpsflowSpringTest
class ApiInputLimitsTest {

  /** Larger than the limit, smaller than what Tomcat swallows of a refused body (2 MB). */
  private static final String TOO_LARGE = "{\"comment\":\"" + BadInput.text(RequestSizeLimit.MAX_BYTES + 100) + "\"}";

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/api/orders", "/api/changes", "/api/hires", "/api/absences", "/api/products/CABLE-USBC/restock",
      "/api/tasks/no-such-task/complete", "/api/changes/1/withdraw"})
  void aBodyThatIsNotJsonIs415(String write) {
    Map<String, Long> before = stored(jdbc);

    for (String type : new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded"}) {
      ResponseEntity<JsonNode> response = http.withBasicAuth("admin", "admin").postForEntity(write,
          typed(type, "<order/>"), JsonNode.class);

      assertRefused(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + type, "send JSON");
    }
    assertThat(stored(jdbc)).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/api/orders", "/api/changes", "/api/hires", "/api/absences", "/api/changes/1/withdraw"})
  void aBodyAbove1MbIs413(String write) throws Exception {
    Map<String, Long> before = stored(jdbc);

    ResponseEntity<JsonNode> response = http.withBasicAuth("admin", "admin").postForEntity(write,
        typed("application/json", TOO_LARGE), JsonNode.class);
    HttpResponse<String> chunked = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + write))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(TOO_LARGE.getBytes(StandardCharsets.UTF_8))))
            .build(), HttpResponse.BodyHandlers.ofString());

    assertRefused(response, HttpStatus.PAYLOAD_TOO_LARGE, "larger than 1 MB");
    assertRefused(ResponseEntity.status(chunked.statusCode()).body(new ObjectMapper().readTree(chunked.body())),
        HttpStatus.PAYLOAD_TOO_LARGE, "larger than 1 MB");
    assertThat(stored(jdbc)).isEqualTo(before);
  }

  @Test
  void anAnswerInAFormatNobodyOffersIs406() {
    HttpHeaders xmlOnly = new HttpHeaders();
    xmlOnly.setAccept(List.of(MediaType.APPLICATION_XML));

    ResponseEntity<String> response = http.withBasicAuth("sam", "sam").exchange("/api/orders", HttpMethod.GET,
        new HttpEntity<>(xmlOnly), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
  }
}
