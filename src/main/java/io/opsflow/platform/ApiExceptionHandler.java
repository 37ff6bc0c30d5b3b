package io.opsflow.platform;

import jakarta.validation.ConstraintViolationException;
import io.opsflow.platform.Problems.InvalidParam;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps failures of our API ({@code /api/**}) to Problem Details ({@link Problems}) with a clear
 * status; never a stack trace. Business code throws {@link ApiException} for its own cases.
 */
@RestControllerAdvice(basePackages = "io.opsflow")
class ApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final DatabaseUnavailable databaseUnavailable;

  ApiExceptionHandler(DatabaseUnavailable databaseUnavailable) {
    this.databaseUnavailable = databaseUnavailable;
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e) {
    return ResponseEntity.status(e.status()).body(Problems.of(e));
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
    List<InvalidParam> fields = e.getBindingResult().getFieldErrors().stream()
        .map(error -> new InvalidParam(error.getField(), error.getDefaultMessage())).toList();
    return fields.isEmpty() ? respond(HttpStatus.BAD_REQUEST, "invalid request") : api(ApiException.invalid(fields));
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> invalid(ConstraintViolationException e) {
    return api(ApiException.invalid(e));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    return api(ApiException.invalid(List.of(InputRules.unreadable(e.getCause()))));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
    return api(ApiException.badField(e.getName(), InputRules.expected(e.getRequiredType())));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
    return api(ApiException.badField(e.getParameterName(), "is required"));
  }

  @ExceptionHandler(BadUserRequestException.class)
  ResponseEntity<ProblemDetail> badRequest(BadUserRequestException e) {
    return respond(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  /** Also where a request carries {@code X-Requested-With}, which lets it past {@link CrossSiteWriteGuard}. */
  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> unsupportedType(HttpMediaTypeNotSupportedException e) {
    return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, CrossSiteWriteGuard.unsupported(String.valueOf(e.getContentType())));
  }

  /** A client that accepts no JSON cannot read an error body either: the status alone. */
  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<Void> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).build();
  }

  @ExceptionHandler({NotFoundException.class, NullValueException.class, NoResourceFoundException.class})
  ResponseEntity<ProblemDetail> notFound(Exception e) {
    return respond(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler({AuthorizationException.class, AccessDeniedException.class})
  ResponseEntity<ProblemDetail> forbidden(Exception e) {
    return respond(HttpStatus.FORBIDDEN, e.getMessage());
  }

  @ExceptionHandler({OptimisticLockingException.class, OptimisticLockingFailureException.class})
  ResponseEntity<ProblemDetail> conflict(Exception e) {
    return respond(HttpStatus.CONFLICT, "someone else changed this at the same time; reload and try again");
  }

  @ExceptionHandler(FormFieldValidationException.class)
  ResponseEntity<ProblemDetail> invalidForm(FormFieldValidationException e) {
    return api(ApiException.asRefusal(e));
  }

  /**
   * The engine wraps what a listener or delegate throws ("exception while invoking the
   * TaskListener"); the cause decides the answer, so a business refusal stays a 400, 403 or 409.
   */
  @ExceptionHandler(ProcessEngineException.class)
  ResponseEntity<ProblemDetail> engine(ProcessEngineException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      ApiException refusal = ApiException.asRefusal(cause);
      if (refusal != null) {
        return api(refusal);
      }
      if (cause instanceof BadUserRequestException) {
        return respond(HttpStatus.BAD_REQUEST, cause.getMessage());
      }
      if (cause instanceof OptimisticLockingException locking) {
        return conflict(locking);
      }
    }
    return unexpected(e);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
    return respond(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (databaseUnavailable.explains(e)) {
      return databaseUnavailable.answer();
    }
    LOG.error("Unexpected error in the API", e);
    return respond(HttpStatus.INTERNAL_SERVER_ERROR, "unexpected error; it has been logged");
  }

  private static ResponseEntity<ProblemDetail> respond(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(Problems.of(status, message));
  }
}
