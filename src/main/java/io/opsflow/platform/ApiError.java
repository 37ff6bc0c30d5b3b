package io.opsflow.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The body of every error our API answers: {@code {"status", "error", "message"}}. */
public record ApiError(int status, String error, String message) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static ApiError of(HttpStatus status, String message) {
    return new ApiError(status.value(), status.getReasonPhrase(), message);
  }

  /** Writes the error where no controller is involved (security filters). */
  static void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    JSON.writeValue(response.getOutputStream(), of(status, message));
  }
}
