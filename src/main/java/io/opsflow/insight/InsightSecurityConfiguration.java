package io.opsflow.insight;

import io.opsflow.platform.Problems;
import io.opsflow.platform.CrossSiteWriteGuard;
import io.opsflow.platform.EngineAuthenticationFilter;
import io.opsflow.platform.OpsflowGroups;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who sees insight: {@code management} and {@code camunda-admin}, everyone else gets 403.
 * <p>
 * The pages ({@code /insight/**}) log in with a form against the Camunda identities (the same
 * provider as the API's HTTP Basic) and keep the login in a session; the page scripts call
 * {@code /api/insight/**} with that session. API clients use HTTP Basic as on the rest of
 * {@code /api/**}. This chain therefore takes {@code /api/insight/**} too and has to come before
 * the platform's {@code /api/**} chain (order 1); it matches nothing of the webapp chain's.
 * The engine identity is set for every request (platform's {@link EngineAuthenticationFilter}).
 */
@Configuration
class InsightSecurityConfiguration {

  /** The groups that see insight: managers and administrators. */
  static final String[] GROUPS = {OpsflowGroups.MANAGEMENT, OpsflowGroups.ADMINISTRATORS};
  static final String LOGIN_PAGE = "/insight/login";
  private static final String REALM = "Opsflow";

  /** The answer to a request of the API without a valid login. */
  private static final AuthenticationEntryPoint LOGIN_PROBLEM = (request, response, e) -> {
    response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
    Problems.write(response, HttpStatus.UNAUTHORIZED, "log in with HTTP Basic or at " + LOGIN_PAGE);
  };

  private static RequestMatcher paths(String... patterns) {
    PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
    return new OrRequestMatcher(Arrays.stream(patterns).map(p -> (RequestMatcher) builder.matcher(p)).toList());
  }

  /**
   * An API client's write: HTTP Basic with a JSON body, which no page of another site can send
   * without the browser asking first (CORS), so it needs no CSRF token; the pages' session does.
   */
  private static boolean basicJsonWrite(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    return authorization != null && authorization.startsWith("Basic ") && CrossSiteWriteGuard.isJson(request);
  }

  @Bean
  @Order(0)
  SecurityFilterChain insightChain(HttpSecurity http, IdentityService identityService,
      AuthenticationProvider camundaIdentityAuthenticationProvider) throws Exception {
    RequestMatcher api = paths("/api/insight/**");
    http.securityMatcher(paths("/insight", "/insight/**", "/api/insight/**"))
        .authenticationProvider(camundaIdentityAuthenticationProvider)
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(paths(LOGIN_PAGE, "/insight/insight.css", "/insight/vendor/**")).permitAll()
            .anyRequest().hasAnyAuthority(GROUPS))
        .formLogin(form -> form.loginPage(LOGIN_PAGE).defaultSuccessUrl("/insight", false)
            .failureUrl(LOGIN_PAGE + "?error"))
        .logout(logout -> logout.logoutUrl("/insight/logout").logoutSuccessUrl(LOGIN_PAGE + "?logout"))
        // a wrong user or password answers the same problem as no login on the API
        .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(LOGIN_PROBLEM))
        .csrf(csrf -> csrf.ignoringRequestMatchers(InsightSecurityConfiguration::basicJsonWrite))
        .exceptionHandling(ex -> ex
            .defaultAuthenticationEntryPointFor(LOGIN_PROBLEM, api)
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), request -> true)
            .accessDeniedHandler((request, response, e) -> Problems.write(response, HttpStatus.FORBIDDEN,
                "insight is for management and administrators")))
        .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class);
    return http.build();
  }
}
