package io.opsflow.platform;

import io.opsflow.platform.Problems.InvalidParam;
import jakarta.validation.ConstraintViolationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * A failure our API reports with its own status and message (unknown id, conflict, bad field),
 * answered as a problem ({@link Problems}); a bad field is named in its {@code invalid-params}.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final List<InvalidParam> invalidParams;

  public ApiException(HttpStatus status, String message) {
    this(status, message, List.of());
  }

  private ApiException(HttpStatus status, String message, List<InvalidParam> invalidParams) {
    super(message);
    this.status = status;
    this.invalidParams = List.copyOf(invalidParams);
  }

  public static ApiException notFound(String what, Object id) {
    return new ApiException(HttpStatus.NOT_FOUND, what + " " + id + " does not exist");
  }

  public static ApiException badField(String field, String problem) {
    return invalid(List.of(new InvalidParam(field, problem)));
  }

  /** 400 with its own message, naming each field it is about in {@code invalid-params}. */
  public static ApiException invalid(String message, List<InvalidParam> fields) {
    return new ApiException(HttpStatus.BAD_REQUEST, message, fields);
  }

  /** The violated constraints of a bean or method call, one "path: message" each, in order. */
  public static ApiException invalid(ConstraintViolationException e) {
    return invalid(e.getConstraintViolations().stream()
        .map(v -> new InvalidParam(String.valueOf(v.getPropertyPath()), v.getMessage())).toList());
  }

  /** 400 naming each field and its rule, sorted: {@code "a: rule; b: rule"}. */
  public static ApiException invalid(List<InvalidParam> fields) {
    List<InvalidParam> sorted = fields.stream().sorted(Comparator.comparing(ApiException::named)).toList();
    return new ApiException(HttpStatus.BAD_REQUEST,
        sorted.stream().map(ApiException::named).collect(Collectors.joining("; ")), sorted);
  }

  private static String named(InvalidParam field) {
    return field.name() + ": " + field.reason();
  }

  /**
   * The refusal this failure is (an ApiException; a Bean Validation failure, a form filled in
   * wrongly ({@link FormSubmissionCheck}) or a value refused inside the engine ({@link RefusedInput})
   * as 400 naming the fields), or null.
   */
  public static ApiException asRefusal(Throwable failure) {
    if (failure instanceof RefusedInput refused) {
      return invalid(List.of(refused.field()));
    }
    if (failure instanceof ConstraintViolationException violation) {
      return invalid(violation);
    }
    if (failure instanceof FormFieldValidationException form) {
      List<InvalidParam> fields = form.getDetail() instanceof List<?> details
          ? details.stream().filter(InvalidParam.class::isInstance).map(InvalidParam.class::cast).toList() : List.of();
      return invalid(form.getMessage(), fields);
    }
    return failure instanceof ApiException refusal ? refusal : null;
  }

  public static ApiException conflict(String message) {
    return new ApiException(HttpStatus.CONFLICT, message);
  }

  /** Names as a message lists them: sorted, quoted, {@code 'a', 'b'}. */
  static String quoted(Collection<String> names) {
    return names.stream().sorted().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
  }

  public HttpStatus status() {
    return status;
  }

  /** The fields a 400 names, each with its rule; empty for other refusals. */
  public List<InvalidParam> invalidParams() {
    return invalidParams;
  }
}
