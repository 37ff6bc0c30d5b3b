package io.opsflow.platform;

import jakarta.validation.ConstraintViolationException;
import java.util.stream.Collectors;
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
 * Maps failures of our API ({@code /api/**}) to {@link ApiError} with a clear status; never a
 * stack trace. Business code throws {@link ApiException} for its own cases.
 */
@RestControllerAdvice(basePackages = "io.opsflow")
class ApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final DatabaseUnavailable databaseUnavailable;

  ApiExceptionHandler(DatabaseUnavailable databaseUnavailable) {
    this.databaseUnavailable = databaseUnavailable;
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ApiError> api(ApiException e) {
    return respond(e.status(), e.getMessage());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
    String message = e.getBindingResult().getFieldErrors().stream()
        .map(error -> error.getField() + ": " + error.getDefaultMessage())
        .sorted().collect(Collectors.joining("; "));
    return respond(HttpStatus.BAD_REQUEST, message.isEmpty() ? "invalid request" : message);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ApiError> invalid(ConstraintViolationException e) {
    return api(ApiException.invalid(e));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    return respond(HttpStatus.BAD_REQUEST, InputRules.unreadable(e.getCause()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
    return respond(HttpStatus.BAD_REQUEST, e.getName() + ": " + InputRules.expected(e.getRequiredType()));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
    return respond(HttpStatus.BAD_REQUEST, e.getParameterName() + ": is required");
  }

  @ExceptionHandler(BadUserRequestException.class)
  ResponseEntity<ApiError> badRequest(BadUserRequestException e) {
    return respond(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  /** Also where a request carries {@code X-Requested-With}, which lets it past {@link CrossSiteWriteGuard}. */
  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> unsupportedType(HttpMediaTypeNotSupportedException e) {
    return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, CrossSiteWriteGuard.unsupported(String.valueOf(e.getContentType())));
  }

  /** A client that accepts no JSON cannot read an error body either: the status alone. */
  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<Void> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).build();
  }

  @ExceptionHandler({NotFoundException.class, NullValueException.class, NoResourceFoundException.class})
  ResponseEntity<ApiError> notFound(Exception e) {
    return respond(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler({AuthorizationException.class, AccessDeniedException.class})
  ResponseEntity<ApiError> forbidden(Exception e) {
    return respond(HttpStatus.FORBIDDEN, e.getMessage());
  }

  @ExceptionHandler({OptimisticLockingException.class, OptimisticLockingFailureException.class})
  ResponseEntity<ApiError> conflict(Exception e) {
    return respond(HttpStatus.CONFLICT, "someone else changed this at the same time; reload and try again");
  }

  @ExceptionHandler(FormFieldValidationException.class)
  ResponseEntity<ApiError> invalidForm(FormFieldValidationException e) {
    return respond(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  /**
   * The engine wraps what a listener or delegate throws ("exception while invoking the
   * TaskListener"); the cause decides the answer, so a business refusal stays a 400, 403 or 409.
   */
  @ExceptionHandler(ProcessEngineException.class)
  ResponseEntity<ApiError> engine(ProcessEngineException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      ApiException refusal = ApiException.asRefusal(cause);
      if (refusal != null) {
        return api(refusal);
      }
      if (cause instanceof BadUserRequestException || cause instanceof FormFieldValidationException) {
        return respond(HttpStatus.BAD_REQUEST, cause.getMessage());
      }
      if (cause instanceof OptimisticLockingException locking) {
        return conflict(locking);
      }
    }
    return unexpected(e);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
    return respond(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e) {
    if (databaseUnavailable.explains(e)) {
      return databaseUnavailable.answer();
    }
    LOG.error("Unexpected error in the API", e);
    return respond(HttpStatus.INTERNAL_SERVER_ERROR, "unexpected error; it has been logged");
  }

  private static ResponseEntity<ApiError> respond(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(ApiError.of(status, message));
  }
}
