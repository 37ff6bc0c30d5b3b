package io.opsflow.onboarding;

import io.opsflow.ProcessDriver;
import io.opsflow.BodylessWrite;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code /api/hires} and {@code /api/tasks} as the demo users call them (password = user id). */
final class HireApi {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_ARRAY = new ParameterizedTypeReference<>() {};

  private final TestRestTemplate http;

  HireApi(TestRestTemplate http) {
    this.http = http;
  }

  /** A valid request body: Sales, managed by Sarah; a new person each time (one hire per person and start date). */
  static Map<String, Object> newHire(String name, String startDate) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("email", "ann.example+" + UUID.randomUUID().toString().substring(0, 8) + "@private.example");
    body.put("role", "sales");
    body.put("department", "sales");
    body.put("managerId", "sarah");
    body.put("startDate", startDate);
    return body;
  }

  ResponseEntity<Map<String, Object>> create(String user, Map<String, Object> body) {
    return http.withBasicAuth(user, user).exchange("/api/hires", HttpMethod.POST, new HttpEntity<>(body), JSON_OBJECT);
  }

  /** Records the hire as HR and returns its id. */
  long record(Map<String, Object> body) {
    ResponseEntity<Map<String, Object>> response = create("helen", body);
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
    return ((Number) response.getBody().get("id")).longValue();
  }

  ResponseEntity<Map<String, Object>> get(String user, long id) {
    return http.withBasicAuth(user, user).exchange("/api/hires/" + id, HttpMethod.GET, null, JSON_OBJECT);
  }

  ResponseEntity<List<Map<String, Object>>> list(String user) {
    return http.withBasicAuth(user, user).exchange("/api/hires", HttpMethod.GET, null, JSON_ARRAY);
  }

  ResponseEntity<Map<String, Object>> withdraw(String user, long id) {
    return http.withBasicAuth(user, user).exchange("/api/hires/" + id + "/withdraw", HttpMethod.POST, BodylessWrite.request(),
        JSON_OBJECT);
  }

  /** Completes a task as this user, through the form check, as Tasklist would. */
  void complete(String user, String taskId, Map<String, Object> variables) {
    ProcessDriver.completeThroughApi(http, user, taskId, variables);
  }
}
