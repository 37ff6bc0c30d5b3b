package io.opsflow.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Someone logged in to Tasklist (the webapps' own login, kept in the same HTTP session) is logged
 * in on Opsflow's pages too: for a request without a login of its own, the webapps' login of the
 * engine becomes the request's, with the user's groups as the identity service has them now.
 */
class WebappLoginBridge extends OncePerRequestFilter {

  private final IdentityService identityService;
  private final String engineName;

  WebappLoginBridge(IdentityService identityService, String engineName) {
    this.identityService = identityService;
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null && SecurityContextHolder.getContext().getAuthentication() == null) {
      Authentications webappLogins = AuthenticationUtil.getAuthsFromSession(session);
      Authentication login = webappLogins == null ? null : webappLogins.getAuthenticationForProcessEngine(engineName);
      if (login != null && login.getIdentityId() != null) {
        String userId = login.getIdentityId();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(userId, null,
            identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).map(SimpleGrantedAuthority::new).toList()));
      }
    }
    chain.doFilter(request, response);
  }
}
