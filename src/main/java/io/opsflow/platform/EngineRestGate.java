package io.opsflow.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collection;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine REST API through both of its doors, {@code /engine-rest} (HTTP Basic) and the
 * webapps' copy {@code /camunda/api/engine} (their session): Camunda authorizes resources, not
 * process rules, so a user allowed to start a process could start it at any step, correlate
 * messages, or rewrite its variables. Here everyone but administrators may read (engine
 * authorization decides what they see) and may write only what Tasklist needs:
 * {@link EngineRestRoutes}, documented in {@code docs/platform.md}. Everything else is refused
 * with 403 naming the rule. Variables written by a non-administrator must be fields of the task's
 * form; and nobody may send a variable of a Java type outside the engine's deserialization
 * allow-list.
 */
class EngineRestGate extends OncePerRequestFilter {

  /** The doors and the engine name in them, e.g. {@code /engine-rest/engine/default/task/1}. */
  private static final Pattern DOOR = Pattern.compile(
      "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/([^/]+))(/.*)?$");
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  private static final int MAX_INSPECTED_BODY = 10 * 1024 * 1024;

  private final EngineRestRoutes routes;
  private final VariableTypes variableTypes;
  private final ObjectMapper json = new ObjectMapper();

  EngineRestGate(EngineRestRoutes routes, VariableTypes variableTypes) {
    this.routes = routes;
    this.variableTypes = variableTypes;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String uri = request.getRequestURI().substring(request.getContextPath().length());
    Matcher door = DOOR.matcher(uri);
    if (!door.matches() || READS.contains(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    HttpServletRequest inspected = request;
    JsonNode body = null;
    if (CrossSiteWriteGuard.isJson(request)) {
      CachedBodyRequest cached = CachedBodyRequest.of(request, MAX_INSPECTED_BODY);
      if (cached == null) {
        refuse(response, new ApiException(HttpStatus.PAYLOAD_TOO_LARGE,
            "the request body is larger than " + MAX_INSPECTED_BODY + " bytes"));
        return;
      }
      inspected = cached;
      body = cached.json(json);
    }
    String path = door.group(2) == null ? "/" : door.group(2);
    Person person = door.group(1) == null ? Person.ofBasicLogin() : Person.ofWebapp(request.getSession(false), door.group(1));
    try {
      if (body != null) {
        variableTypes.requireAllowed(body, path);
      }
      if (person != null && !person.administrator()) {
        routes.requireOpen(HttpMethod.valueOf(request.getMethod()), path, person.userId(), body);
      }
    } catch (ApiException refusal) {
      refuse(response, refusal);
      return;
    }
    chain.doFilter(inspected, response);
  }

  /** A problem with Camunda's {@code message} too, which Tasklist and Cockpit show. */
  private static void refuse(HttpServletResponse response, ApiException refusal) throws IOException {
    Problems.write(response, Problems.ofEngineRest(refusal));
  }

  /** The logged-in user of a request, or null where nobody is logged in (the engine refuses then). */
  record Person(String userId, boolean administrator) {

    static Person of(String userId, Collection<String> groups) {
      return userId == null ? null : new Person(userId, EngineIdentity.isAdministrator(groups));
    }

    /** {@code /engine-rest}: the HTTP Basic login Spring Security has checked. */
    static Person ofBasicLogin() {
      org.springframework.security.core.Authentication login = SecurityContextHolder.getContext().getAuthentication();
      return login == null || !login.isAuthenticated() ? null
          : of(login.getName(), login.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    }

    /** The webapps' copy: the login kept in their session. */
    static Person ofWebapp(HttpSession session, String engineName) {
      Authentications logins = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
      if (logins == null || !(logins.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication login)) {
        return null;
      }
      return of(login.getIdentityId(), login.getGroupIds());
    }
  }
}
