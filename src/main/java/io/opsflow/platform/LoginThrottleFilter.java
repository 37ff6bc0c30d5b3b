package io.opsflow.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every door where a password is checked, in front of the check: a request with HTTP Basic
 * credentials, the webapps' login and the login pages of insight and the employees' pages. A blocked address gets 429 with
 * {@code Retry-After} and its password is not checked (so it counts toward no user's lock); the
 * outcome of a checked login is told to the {@link LoginThrottle}.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

  private static final Pattern WEBAPP_LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/[^/]+$");
  /** Login pages that send a failed login back to themselves with {@code ?error}: insight's, the employees' pages'. */
  private static final Set<String> FORM_LOGINS = Set.of("/insight/login", PagesSecurityConfiguration.LOGIN_PAGE);

  private final LoginThrottle throttle;

  LoginThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Door door = door(request);
    if (door == null) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    Duration blocked = throttle.blockedFor(address);
    if (!blocked.isZero()) {
      long seconds = Math.max(1, (blocked.toMillis() + 999) / 1000);
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
      Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "too many failed logins from your address; try again in "
          + seconds + " s");
      return;
    }
    chain.doFilter(request, response);
    if (door.failed(response)) {
      throttle.failed(address);
    } else {
      throttle.succeeded(address);
    }
  }

  /** Where a password is checked, and how its answer tells a failed login from a successful one. */
  private enum Door {
    BASIC, WEBAPP, FORM;

    /** The password was wrong: 401, or a login page sent back to itself with an error. */
    boolean failed(HttpServletResponse response) {
      if (this != FORM) {
        return response.getStatus() == HttpStatus.UNAUTHORIZED.value();
      }
      String location = response.getHeader(HttpHeaders.LOCATION);
      return location != null && location.endsWith("/login?error");
    }
  }

  private static Door door(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Door.BASIC;
    }
    if (!"POST".equals(request.getMethod())) {
      return null;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return WEBAPP_LOGIN.matcher(path).matches() ? Door.WEBAPP : FORM_LOGINS.contains(path) ? Door.FORM : null;
  }
}
