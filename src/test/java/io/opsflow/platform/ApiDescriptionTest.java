package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.OpsflowSpringTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@OpsflowSpringTest
class ApiDescriptionTest {

  @Autowired TestRestTemplate http;

  @Test
  void dump() throws Exception {
    ResponseEntity<String> doc = http.withBasicAuth("sam", "sam").getForEntity("/v3/api-docs", String.class);
    assertThat(doc.getStatusCode()).isEqualTo(HttpStatus.OK);
    Files.writeString(Path.of("target/api-docs.json"), doc.getBody());
  }
}
