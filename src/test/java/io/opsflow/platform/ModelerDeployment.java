package io.opsflow.platform;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Deploys as Camunda Modeler does: multipart {@code POST <endpoint>/deployment/create}, files as
 * parts. The endpoint names the engine, as the test context's engine has a unique name.
 */
final class ModelerDeployment {

  private ModelerDeployment() {}

  /** Deploys as a demo user (password = user id). */
  static ResponseEntity<String> deploy(TestRestTemplate http, ProcessEngine engine, String user,
      String deploymentName, Map<String, byte[]> files) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", deploymentName);
    parts.add("deployment-source", "Camunda Modeler");
    parts.add("enable-duplicate-filtering", "true");
    files.forEach((fileName, content) -> parts.add(fileName, new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    }));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, user)
        .postForEntity("/engine-rest/engine/{engine}/deployment/create", new HttpEntity<>(parts, headers), String.class,
            engine.getName());
  }
}
