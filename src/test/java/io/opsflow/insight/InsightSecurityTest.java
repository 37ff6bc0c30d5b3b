package io.opsflow.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpClient.Redirect;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@OpsflowSpringTest
class InsightSecurityTest {

  @Autowired
  TestRestTemplate http;

  @Test
  void employeesAreRefusedOnTheApiAndThePages() {
    assertThat(status("wendy", "/api/insight/kpis")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("sam", "/api/insight/instances")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("wendy", "/insight")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("wendy", "/insight/index.html")).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void managersAndAdministratorsAreServed() {
    assertThat(status("olivia", "/api/insight/kpis")).isEqualTo(HttpStatus.OK);
    assertThat(status("will", "/api/insight/processes")).isEqualTo(HttpStatus.OK);
    assertThat(status("admin", "/api/insight/kpis")).isEqualTo(HttpStatus.OK);
    assertThat(status("olivia", "/insight")).isEqualTo(HttpStatus.OK);
  }

  @Test
  void anonymousApiCallsGet401AndPagesGoToTheLoginForm() throws Exception {
    assertThat(http.getForEntity("/api/insight/kpis", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    HttpResponse<String> page = withoutRedirects(HttpRequest.newBuilder(uri("/insight")).build());
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/insight/login");
  }

  @Test
  void formLoginGivesASessionThatThePageScriptsUse() throws Exception {
    ResponseEntity<String> form = http.getForEntity("/insight/login", String.class);
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.getBody());
    assertThat(token.find()).isTrue();
    String body = "username=olivia&password=olivia&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);

    HttpResponse<String> login = withoutRedirects(HttpRequest.newBuilder(uri("/insight/login"))
        .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_FORM_URLENCODED_VALUE)
        .header(HttpHeaders.COOKIE, cookie(form.getHeaders().get(HttpHeaders.SET_COOKIE).get(0)))
        .POST(BodyPublishers.ofString(body)).build());

    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/insight");
    HttpHeaders session = new HttpHeaders();
    session.add(HttpHeaders.COOKIE, cookie(login.headers().firstValue("Set-Cookie").orElseThrow()));
    ResponseEntity<String> me = http.exchange("/api/insight/me", HttpMethod.GET, new HttpEntity<>(session), String.class);
    assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(me.getBody()).contains("\"userId\":\"olivia\"");
  }

  @Test
  void unknownUserIsUnauthorized() {
    // not a real user with a wrong password: the engine would lock that user for a few seconds
    assertThat(http.withBasicAuth("nobody", "wrong").getForEntity("/api/insight/kpis", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private HttpStatus status(String user, String path) {
    return HttpStatus.valueOf(http.withBasicAuth(user, user).getForEntity(path, String.class).getStatusCode().value());
  }

  private URI uri(String path) {
    return URI.create(http.getRootUri() + path);
  }

  private static HttpResponse<String> withoutRedirects(HttpRequest request) throws Exception {
    return HttpClient.newBuilder().followRedirects(Redirect.NEVER).build().send(request, BodyHandlers.ofString());
  }

  private static String cookie(String setCookie) {
    return setCookie.split(";", 2)[0];
  }
}
