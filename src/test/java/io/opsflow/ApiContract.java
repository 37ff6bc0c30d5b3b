package io.opsflow;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.report.ValidationReport.Level;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The API description is the contract: every call that a test makes to {@code /api/**} through
 * the test {@code TestRestTemplate} (and every {@code RestTemplate} built by the test app's
 * builder) is checked against the description the running app serves at {@code /v3/api-docs}
 * (Atlassian's swagger-request-validator), and the test fails where they disagree:
 * <ul>
 *   <li>the answer's status must be declared for the operation, and its content type and body
 *       must match the declared schema, with no property the schema does not name;
 *   <li>a request that breaks the description (a wrong type, a missing or too long field, no
 *       login, a method or path that is not there) must be refused with a 4xx; if that 4xx is
 *       declared, its body is checked too;
 *   <li>an operation that is not in the description must not succeed.
 * </ul>
 * As Spring reads them, a blank query parameter counts as not given and a body of JSON {@code null}
 * as no body. Other paths ({@code /engine-rest}, the webapps, the pages) are not checked. Imported by
 * {@link OpsflowSpringTest}, so every Spring test has it; {@link #CHECK} for a template of one's own.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ApiContract {

  /** Checks the calls to {@code /api/**} of a RestTemplate. */
  public static final ClientHttpRequestInterceptor CHECK = ApiContract::intercept;

  private static final String DESCRIPTION = "/v3/api-docs";
  /** The demo organisation's administrator, who may read the description. */
  private static final String READER = "admin";
  private static final Set<String> NOT_THERE = Set.of("validation.request.path.missing",
      "validation.request.operation.notAllowed");
  private static final Map<String, Validators> BY_SERVER = new ConcurrentHashMap<>();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  /** The request validator lets unknown fields of a request pass (the API ignores them); the answers may have none. */
  private record Validators(OpenApiInteractionValidator requests, OpenApiInteractionValidator responses) {}

  @Bean
  RestTemplateCustomizer apiContractCheck() {
    return template -> template.getInterceptors().add(CHECK);
  }

  private static ClientHttpResponse intercept(org.springframework.http.HttpRequest request, byte[] body,
      ClientHttpRequestExecution execution) throws IOException {
    ClientHttpResponse response = execution.execute(request, body);
    URI uri = request.getURI();
    if (uri.getPath() == null || !uri.getPath().startsWith("/api/")) {
      return response;
    }
    byte[] answer;
    try (InputStream in = response.getBody()) {
      answer = in.readAllBytes();
    } catch (IOException noBody) {
      answer = new byte[0];
    }
    BufferedResponse buffered = new BufferedResponse(response, answer);
    check(uri, request.getMethod().name(), request.getHeaders(), body, buffered.getStatusCode().value(),
        buffered.getHeaders(), answer);
    return buffered;
  }

  /** Fails (AssertionError) where the call and the description disagree. */
  public static void check(URI uri, String method, HttpHeaders requestHeaders, byte[] requestBody, int status,
      HttpHeaders responseHeaders, byte[] responseBody) {
    Validators validators = validators(uri);
    Request.Method validatorMethod = Request.Method.valueOf(method);
    SimpleRequest.Builder request = new SimpleRequest.Builder(validatorMethod, uri.getRawPath());
    // Spring reads a blank value of a query parameter as none given
    UriComponentsBuilder.fromUri(uri).build(true).getQueryParams().forEach((name, values) -> {
      List<String> given = values.stream().map(ApiContract::decode).filter(value -> !value.isBlank()).toList();
      if (!given.isEmpty()) {
        request.withQueryParam(decode(name), given);
      }
    });
    requestHeaders.forEach(request::withHeader);
    // Spring reads a body of JSON null as no body
    if (requestBody != null && requestBody.length > 0 && !"null".equals(new String(requestBody, StandardCharsets.UTF_8).strip())) {
      request.withBody(requestBody);
    }
    SimpleResponse.Builder response = new SimpleResponse.Builder(status);
    responseHeaders.forEach(response::withHeader);
    if (responseBody.length > 0) {
      response.withBody(responseBody);
    }
    String call = method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
        + " answered " + status + " " + new String(responseBody, StandardCharsets.UTF_8).lines().findFirst()
            .map(line -> line.length() > 300 ? line.substring(0, 300) + "..." : line).orElse("");
    ValidationReport requestReport = validators.requests().validateRequest(request.build());
    List<ValidationReport.Message> requestErrors = errors(requestReport);
    boolean refused = status >= 400 && status < 500;
    if (requestErrors.stream().anyMatch(error -> NOT_THERE.contains(error.getKey()))) {
      if (!refused) {
        throw new AssertionError("API contract: an operation that is not in the description answered: " + call);
      }
      return;
    }
    if (!requestErrors.isEmpty() && !refused) {
      throw new AssertionError("API contract: a request that breaks the description was not refused with a 4xx: "
          + call + "\n" + text(requestErrors));
    }
    List<ValidationReport.Message> responseErrors = errors(
        validators.responses().validateResponse(uri.getRawPath(), validatorMethod, response.build()));
    if (!requestErrors.isEmpty()) {
      // the client broke the contract first: any 4xx is a fair answer, a declared one must match
      responseErrors = responseErrors.stream()
          .filter(error -> !"validation.response.status.unknown".equals(error.getKey())).toList();
    }
    if (!responseErrors.isEmpty()) {
      throw new AssertionError("API contract: the answer does not match the description: " + call + "\n"
          + text(responseErrors));
    }
  }

  /** Reads the description of the app at {@code server} now: before a test makes the app answer 503 to everything. */
  public static void readDescription(String server) {
    validators(URI.create(server));
  }

  /** The description of the app at {@code uri}'s server, as a validator; read once per server. */
  private static Validators validators(URI uri) {
    String server = uri.getScheme() + "://" + uri.getAuthority();
    return BY_SERVER.computeIfAbsent(server, ApiContract::load);
  }

  /** The description as the running app serves it. */
  public static String description(String server) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(server + DESCRIPTION))
          .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
              .encodeToString((READER + ":" + READER).getBytes(StandardCharsets.UTF_8)))
          .build();
      java.net.http.HttpResponse<String> answer = CLIENT.send(request, BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(DESCRIPTION + " answered " + answer.statusCode() + ": " + answer.body());
      }
      return answer.body();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + server + DESCRIPTION, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Validators load(String server) {
    String description = description(server);
    return new Validators(
        OpenApiInteractionValidator.createForInlineApiSpecification(description)
            .withLevelResolver(LevelResolver.create().withLevel("validation.schema.additionalProperties", Level.IGNORE).build())
            .withStrictOperationPathMatching()
            .build(),
        OpenApiInteractionValidator.createForInlineApiSpecification(description)
            .withLevelResolver(LevelResolver.create().withLevel("validation.schema.additionalProperties", Level.ERROR).build())
            .withStrictOperationPathMatching()
            .build());
  }

  private static List<ValidationReport.Message> errors(ValidationReport report) {
    return report.getMessages().stream().filter(message -> message.getLevel() == Level.ERROR).toList();
  }

  private static String text(List<ValidationReport.Message> messages) {
    return messages.stream().map(message -> "  " + message.getKey() + ": " + message.getMessage()
        + (message.getAdditionalInfo().isEmpty() ? "" : " " + message.getAdditionalInfo()))
        .collect(Collectors.joining("\n"));
  }

  private static String decode(String text) {
    return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** The answer with its body read, so that the test can still read it. */
  private static final class BufferedResponse implements ClientHttpResponse {

    private final ClientHttpResponse response;
    private final byte[] body;

    BufferedResponse(ClientHttpResponse response, byte[] body) {
      this.response = response;
      this.body = body;
    }

    @Override
    public HttpStatusCode getStatusCode() throws IOException {
      return response.getStatusCode();
    }

    @Override
    public String getStatusText() throws IOException {
      return response.getStatusText();
    }

    @Override
    public HttpHeaders getHeaders() {
      return response.getHeaders();
    }

    @Override
    public InputStream getBody() {
      return new ByteArrayInputStream(body);
    }

    @Override
    public void close() {
      response.close();
    }
  }
}
