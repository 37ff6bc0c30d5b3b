package io.opsflow.platform;

import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Deploys as Camunda Modeler does: multipart {@code POST /engine-rest/deployment/create}, files as parts. */
public final class ModelerDeployment {

  private ModelerDeployment() {}

  /** Deploys as a demo user (password = user id). */
  public static ResponseEntity<String> deploy(TestRestTemplate http, String user, String deploymentName,
      Map<String, byte[]> files) {
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
        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), String.class);
  }
}
