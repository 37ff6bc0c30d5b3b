package io.opsflow.platform;

import jakarta.validation.ConstraintViolationException;
import java.util.Collection;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** A failure our API reports with its own status and message (unknown id, conflict, bad field). */
public class ApiException extends RuntimeException {

  private final HttpStatus status;

  public ApiException(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public static ApiException notFound(String what, Object id) {
    return new ApiException(HttpStatus.NOT_FOUND, what + " " + id + " does not exist");
  }

  public static ApiException badField(String field, String problem) {
    return new ApiException(HttpStatus.BAD_REQUEST, field + ": " + problem);
  }

  /** The violated constraints of a bean or method call, one "path: message" each, in order. */
  public static ApiException invalid(ConstraintViolationException e) {
    return new ApiException(HttpStatus.BAD_REQUEST, e.getConstraintViolations().stream()
        .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
  }

  /** The refusal this failure is (an ApiException, or a Bean Validation failure as 400), or null. */
  public static ApiException asRefusal(Throwable failure) {
    if (failure instanceof ConstraintViolationException violation) {
      return invalid(violation);
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
}
