package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@OpsflowSpringTest
class SecurityTest {

  @Autowired
  TestRestTemplate http;

  @Test
  void anonymousRestRequestIsRefused() {
    ResponseEntity<String> response = http.getForEntity("/engine-rest/engine", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getBody()).contains("\"status\":401");
  }

  @Test
  void authenticatedRestRequestIsServed() {
    ResponseEntity<String> response = http.withBasicAuth("wendy", "wendy").getForEntity("/engine-rest/engine", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).contains("\"name\"");
  }
}
