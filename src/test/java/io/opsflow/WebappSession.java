package io.opsflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The Camunda webapps as a browser talks to them: their session and XSRF-TOKEN cookies, the token
 * echoed in the {@code X-XSRF-TOKEN} header, the login form, and the webapps' copy of the engine
 * REST API under {@code /camunda/api/engine/engine/{engine}/...}.
 */
public final class WebappSession {

  public static final String XSRF_HEADER = "X-XSRF-TOKEN";

  private final TestRestTemplate http;
  private final String engine;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  private WebappSession(TestRestTemplate http, String engine) {
    this.http = http;
    this.engine = engine;
  }

  /** Opens a webapp page: the answer carries the session and XSRF-TOKEN cookies. */
  public static WebappSession open(TestRestTemplate http, String engine) {
    WebappSession session = new WebappSession(http, engine);
    ResponseEntity<String> page = http.getForEntity("/camunda/app/admin/{engine}/", String.class, engine);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    session.keepCookies(page);
    return session;
  }

  /** This session (its cookies and token) sent to another server, as a load balancer does. */
  public WebappSession at(TestRestTemplate otherServer) {
    WebappSession moved = new WebappSession(otherServer, engine);
    moved.cookies.putAll(cookies);
    return moved;
  }

  public HttpHeaders headers() {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, String.join("; ", cookies.entrySet().stream()
        .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).toList()));
    headers.add(XSRF_HEADER, cookies.get("XSRF-TOKEN"));
    return headers;
  }

  /**
   * Logs into a webapp (password = user id) as its login page does; keeps the new session it
   * gives, and the XSRF token of that session from the next page.
   */
  public ResponseEntity<String> logIn(String user, String app) {
    HttpHeaders headers = headers();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    ResponseEntity<String> response = http.exchange("/camunda/api/admin/auth/user/{engine}/login/{app}",
        HttpMethod.POST, new HttpEntity<>(credentials(user), headers), String.class, engine, app);
    keepCookies(response);
    keepCookies(http.exchange("/camunda/app/{app}/{engine}/", HttpMethod.GET, new HttpEntity<>(headers()), String.class,
        app, engine));
    return response;
  }

  /** A JSON request to the webapps' engine REST API, e.g. {@code POST /task/{id}/complete}. */
  public ResponseEntity<String> engineApi(HttpMethod method, String path, Object body) {
    HttpHeaders headers = headers();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange("/camunda/api/engine/engine/" + engine + path, method, new HttpEntity<>(body, headers),
        String.class);
  }

  public static MultiValueMap<String, String> credentials(String user) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", user);
    return form;
  }

  private void keepCookies(ResponseEntity<?> response) {
    List<String> set = response.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of());
    for (String cookie : set) {
      String pair = cookie.substring(0, cookie.contains(";") ? cookie.indexOf(';') : cookie.length());
      cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
  }
}
