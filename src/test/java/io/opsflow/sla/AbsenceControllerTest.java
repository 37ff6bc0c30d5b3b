package io.opsflow.sla;

import io.opsflow.BodylessWrite;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code /api/absences}; far-future dates, so that no other test meets these absences. */
@OpsflowSpringTest
class AbsenceControllerTest {

  static final String FROM = "2091-01-08";
  static final String TO = "2091-01-12";

  @Autowired TestRestTemplate http;
  @Autowired AbsenceRepository absences;

  @AfterEach
  void removeAbsences() {
    absences.deleteAll(absences.findAll().stream().filter(a -> a.from().getYear() == 2091).toList());
  }

  @Test
  void aUserRecordsListsAndDeletesTheirOwnAbsence() {
    ResponseEntity<Map> created = post("sam", Map.of("from", FROM, "to", TO, "substitute", "sarah"));

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody()).containsEntry("userId", "sam").containsEntry("from", FROM)
        .containsEntry("to", TO).containsEntry("substitute", "sarah");
    ResponseEntity<List> listed = http.withBasicAuth("sam", "sam").getForEntity("/api/absences", List.class);
    assertThat(listed.getBody()).singleElement().satisfies(a -> assertThat(((Map<?, ?>) a).get("userId")).isEqualTo("sam"));

    assertThat(delete("sam", created.getBody().get("id"))).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(absences.findAll()).noneMatch(a -> a.from().getYear() == 2091);
  }

  @Test
  void managementRecordsAnyonesAbsenceOthersMayNot() {
    assertThat(post("olivia", Map.of("userId", "sam", "from", FROM, "to", TO, "substitute", "sarah")).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);

    ResponseEntity<Map> refused = post("fred", Map.of("userId", "sam", "from", FROM, "to", TO, "substitute", "fred"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody()).containsEntry("detail", "only management records absences of others");

    Object id = absences.findAll().stream().filter(a -> a.from().getYear() == 2091).findFirst().orElseThrow().id();
    assertThat(delete("fred", id)).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth("fred", "fred").getForEntity("/api/absences?userId=sam", Map.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(delete("sam", id)).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(delete("sam", id)).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void badRequestsNameTheField() {
    assertBadRequest(Map.of("from", TO, "to", FROM, "substitute", "sarah"), "to: must not be before from (" + TO + ")");
    assertBadRequest(Map.of("from", FROM, "to", TO, "substitute", "nobody"), "substitute: user nobody does not exist");
    assertBadRequest(Map.of("from", FROM, "to", TO, "substitute", "sam"), "substitute: must be someone other than sam");
    assertBadRequest(Map.of("from", FROM, "to", TO), "substitute: must not be blank");
    assertBadRequest(Map.of("to", TO, "substitute", "sarah"), "from: must not be null");
    assertBadRequest(Map.of("from", "2020-01-01", "to", "2020-01-02", "substitute", "sarah"), "to: is in the past");
  }

  @Test
  void anOverlappingAbsenceIsAConflict() {
    post("sam", Map.of("from", FROM, "to", TO, "substitute", "sarah"));

    ResponseEntity<Map> overlapping = post("sam", Map.of("from", TO, "to", "2091-01-20", "substitute", "sarah"));

    assertThat(overlapping.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  private void assertBadRequest(Map<String, String> body, String message) {
    ResponseEntity<Map> response = post("sam", body);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("detail", message);
  }

  private ResponseEntity<Map> post(String user, Map<String, String> body) {
    return http.withBasicAuth(user, user).postForEntity("/api/absences", body, Map.class);
  }

  private HttpStatus delete(String user, Object id) {
    return HttpStatus.valueOf(http.withBasicAuth(user, user)
        .exchange("/api/absences/" + id, HttpMethod.DELETE, BodylessWrite.request(), Map.class).getStatusCode().value());
  }
}
