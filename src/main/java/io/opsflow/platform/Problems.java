package io.opsflow.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Every error Opsflow answers itself, as RFC 9457 Problem Details ({@code application/problem+json}):
 * {@code type} ({@code about:blank}: the status says it all), {@code title} (the status's reason
 * phrase), {@code status}, {@code detail} (what was wrong, naming the field and the rule) and, for
 * bad input, {@code invalid-params}: one {@code {"name", "reason"}} per invalid field. The
 * controllers' handler ({@link ApiExceptionHandler}), every security chain and filter, and our
 * refusals on the engine REST API all answer through this one class.
 */
public final class Problems {

  /** The RFC's extension member for the invalid fields of a request. */
  public static final String INVALID_PARAMS = "invalid-params";
  /** Camunda's error field, which Tasklist, Cockpit and Modeler show: kept on the engine REST API. */
  static final String ENGINE_MESSAGE = "message";

  /** Boot's builder registers the mix-in that writes a problem's properties as top-level members. */
  private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

  /** One invalid field of a request: its name as the client sent it, and the rule it broke. */
  public record InvalidParam(String name, String reason) {}

  private Problems() {}

  public static ProblemDetail of(HttpStatus status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(status.getReasonPhrase());
    return problem;
  }

  /** A 400 naming each invalid field; the detail lists them as {@code "name: reason; ..."}. */
  public static ProblemDetail of(HttpStatus status, String detail, List<InvalidParam> invalidParams) {
    ProblemDetail problem = of(status, detail);
    if (!invalidParams.isEmpty()) {
      problem.setProperty(INVALID_PARAMS, invalidParams);
    }
    return problem;
  }

  /**
   * A refusal of the engine REST API: a problem that also carries Camunda's {@code message}, so
   * Tasklist, Cockpit and Modeler show it as they show the engine's own errors.
   */
  public static ProblemDetail ofEngineRest(ApiException refusal) {
    ProblemDetail problem = of(refusal);
    problem.setProperty(ENGINE_MESSAGE, refusal.getMessage());
    return problem;
  }

  static ProblemDetail of(ApiException refusal) {
    return of(refusal.status(), refusal.getMessage(), refusal.invalidParams());
  }

  /** Writes the problem where no controller is involved (security filters and chains). */
  public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JSON.writeValue(response.getOutputStream(), problem);
  }

  public static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
    write(response, of(status, detail));
  }

  /** The problem as JSON text, for the engine REST API's own (JAX-RS) responses. */
  public static String json(ProblemDetail problem) {
    try {
      return JSON.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
