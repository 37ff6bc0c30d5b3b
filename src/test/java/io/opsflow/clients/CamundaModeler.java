package io.opsflow.clients;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The requests Camunda Modeler 5 sends to a Camunda 7 engine from its deployment and start-instance
 * tools (its {@code CamundaAPI}), with the endpoint {@code http://localhost:8080/engine-rest} and
 * basic authentication: the same paths, parts, content types and headers.
 */
final class CamundaModeler {

  private static final String REST = "/engine-rest";

  private final TestRestTemplate http;

  /** A designer who entered these credentials in the deployment dialog. */
  CamundaModeler(TestRestTemplate http, String user, String password) {
    this.http = http.withBasicAuth(user, password);
  }

  /** The endpoint check of the deployment dialog. */
  ResponseEntity<String> checkConnection() {
    return http.exchange(REST + "/deployment?maxResults=0", HttpMethod.GET, new HttpEntity<>(jsonAccepted()), String.class);
  }

  /**
   * Deploy: the diagram as {@code text/xml}, each attachment (the forms linked to the diagram) as
   * an untyped file, each part named after its file; duplicate filtering on, so an unchanged
   * diagram creates no new deployment.
   */
  ResponseEntity<JsonNode> deploy(String deploymentName, String diagram, String... attachments) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", deploymentName);
    parts.add("deployment-source", "Camunda Modeler");
    parts.add("enable-duplicate-filtering", "true");
    addFile(parts, diagram, MediaType.TEXT_XML);
    for (String attachment : attachments) {
      addFile(parts, attachment, MediaType.APPLICATION_OCTET_STREAM);
    }
    HttpHeaders headers = jsonAccepted();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.postForEntity(REST + "/deployment/create", new HttpEntity<>(parts, headers), JsonNode.class);
  }

  /** "Start process instance" with the business key entered in its dialog. */
  ResponseEntity<JsonNode> startInstance(String processDefinitionId, String businessKey) {
    HttpHeaders headers = jsonAccepted();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.postForEntity(REST + "/process-definition/{id}/start",
        new HttpEntity<>(Map.of("businessKey", businessKey), headers), JsonNode.class, processDefinitionId);
  }

  private static void addFile(MultiValueMap<String, Object> parts, String classpathFile, MediaType type) {
    ClassPathResource file = new ClassPathResource(classpathFile);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    headers.setContentDisposition(ContentDisposition.formData().name(file.getFilename()).filename(file.getFilename()).build());
    parts.add(file.getFilename(), new HttpEntity<>(read(file), headers));
  }

  private static byte[] read(ClassPathResource file) {
    try {
      return file.getContentAsByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpHeaders jsonAccepted() {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return headers;
  }
}
