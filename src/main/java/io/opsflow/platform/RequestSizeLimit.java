package io.opsflow.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Our API ({@code /api/**}) takes small JSON records: a body above {@link #MAX_BYTES} is refused
 * with 413 before anyone reads it (by its {@code Content-Length}, or after reading one byte more
 * than the limit of a body sent in chunks). The engine REST API keeps its own, larger limit for
 * Camunda Modeler's deployments.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestSizeLimit extends OncePerRequestFilter {

  static final int MAX_BYTES = 1024 * 1024;
  static final String MESSAGE = "the request body is larger than 1 MB (" + MAX_BYTES + " bytes), the limit of this API";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    if (length > MAX_BYTES) {
      Problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, MESSAGE);
      return;
    }
    if (length >= 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
      chain.doFilter(request, response);
      return;
    }
    CachedBodyRequest chunked = CachedBodyRequest.of(request, MAX_BYTES);
    if (chunked == null) {
      Problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, MESSAGE);
      return;
    }
    chain.doFilter(chunked, response);
  }
}
