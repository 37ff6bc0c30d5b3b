package io.opsflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Opsflow's pages for employees ({@code /me/...}) as a browser (or curl with a cookie jar) uses
 * them: a session cookie, the CSRF token of the last page carried in each form, redirects not
 * followed, so a test sees each answer.
 */
public final class PageSession {

  /** One answer: its status, where it redirects to, and its page. */
  public record Answer(int status, String location, String body) {}

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String baseUrl;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;
  private String csrf;

  public PageSession(int port) {
    this.baseUrl = "http://localhost:" + port;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Logs in with the pages' login form (password = user id). */
  public PageSession logIn(String user) {
    get("/me/login");
    Answer answer = post("/me/login", Map.of("username", user, "password", user));
    assertThat(answer.location()).as("login of %s", user).doesNotContain("error");
    get("/me/out-of-office"); // the session's CSRF token is a new one after the login
    return this;
  }

  /** Logs in to Tasklist as its login page does (the webapps' own session login), not to the pages. */
  public PageSession logInToTasklist(String user) {
    get("/camunda/app/tasklist/default/");
    String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
    HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(baseUrl
            + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", user)))));
    assertThat(login.statusCode()).as("Tasklist login of %s", user).isEqualTo(200);
    return this;
  }

  public Answer get(String path) {
    return answer(send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()));
  }

  /** An address typed into the browser: it asks for a page ({@code Accept: text/html}). */
  public Answer open(String path) {
    return answer(send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html").GET()));
  }

  /** Sends a form with the CSRF token of the last page seen. */
  public Answer post(String path, Map<String, String> fields) {
    Map<String, String> withToken = new LinkedHashMap<>(fields);
    if (csrf != null) {
      withToken.putIfAbsent("_csrf", csrf);
    }
    return postExactly(path, withToken);
  }

  /** Sends exactly these fields, without adding the CSRF token. */
  public Answer postExactly(String path, Map<String, String> fields) {
    return answer(send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(fields)))));
  }

  private Answer answer(HttpResponse<String> response) {
    Matcher token = CSRF.matcher(response.body());
    if (token.find()) {
      csrf = token.group(1);
    }
    return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(""), response.body());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }
}
