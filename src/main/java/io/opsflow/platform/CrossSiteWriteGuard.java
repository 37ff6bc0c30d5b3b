package io.opsflow.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes to {@code /api} and {@code /engine-rest} must be requests that a page of another site
 * cannot send: browsers resend cached HTTP Basic credentials, so a cross-site form or image could
 * otherwise act as the logged-in user. A write needs a JSON body ({@code Content-Type:
 * application/json}) or the header {@code X-Requested-With}, which a cross-site form cannot set.
 * One exception: the multipart deployments of Camunda Modeler, which sends neither, are accepted
 * from clients that are no web page of another site (no foreign {@code Origin}, no cross-site
 * {@code Sec-Fetch-Site}). The webapps keep their own CSRF protection.
 */
public class CrossSiteWriteGuard extends OncePerRequestFilter {

  static final String CUSTOM_HEADER = "X-Requested-With";
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final Set<String> CROSS_SITE = Set.of("cross-site", "same-site");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (READS.contains(request.getMethod()) || request.getHeader(CUSTOM_HEADER) != null || isJson(request)
        || isMultipart(request) && request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest/")
            && !fromAnotherSite(request)) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentType() == null) {
      Problems.write(response, HttpStatus.FORBIDDEN, "a write without a JSON body needs the header " + CUSTOM_HEADER
          + " (protection against requests from other sites)");
    } else {
      Problems.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, unsupported(request.getContentType()));
    }
  }

  /** The refusal of a body that is not JSON. */
  static String unsupported(String contentType) {
    return "Content-Type " + contentType + " is not accepted here: send JSON (Content-Type: application/json)";
  }

  /** A JSON body: {@code application/json} or a {@code +json} type. */
  public static boolean isJson(HttpServletRequest request) {
    MediaType type = mediaType(request);
    return type != null && (MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json"));
  }

  private static boolean isMultipart(HttpServletRequest request) {
    MediaType type = mediaType(request);
    return type != null && MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type);
  }

  private static MediaType mediaType(HttpServletRequest request) {
    try {
      return request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
    } catch (IllegalArgumentException unreadable) {
      return null;
    }
  }

  /** What browsers add to a request that a page of another site sends. */
  private static boolean fromAnotherSite(HttpServletRequest request) {
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if (fetchSite != null && CROSS_SITE.contains(fetchSite)) {
      return true;
    }
    String origin = request.getHeader("Origin");
    String ownOrigin = request.getScheme() + "://" + request.getHeader("Host");
    return origin != null && !origin.equalsIgnoreCase(ownOrigin);
  }
}
