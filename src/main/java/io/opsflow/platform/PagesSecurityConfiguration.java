package io.opsflow.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Opsflow's pages for every employee under {@code /me/**} (out of office, decisions from the
 * mail) and the handbook ({@code /handbook/**}, {@link HandbookLinks}): a login form against the Camunda identities kept in the session, or the webapps' login of
 * the same session ({@link WebappLoginBridge}), so someone working in Tasklist is not asked
 * again. Spring Security's CSRF token on every form. A link alone never logs anyone in: after the
 * login the page asked for opens again. The engine acts as the logged-in user for each request.
 */
@Configuration
class PagesSecurityConfiguration {

  static final String LOGIN_PAGE = "/me/login";

  private static RequestMatcher paths(String... patterns) {
    PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
    return new OrRequestMatcher(Arrays.stream(patterns).map(p -> (RequestMatcher) builder.matcher(p)).toList());
  }

  @Bean
  @Order(0)
  SecurityFilterChain pagesChain(HttpSecurity http, IdentityService identityService, ProcessEngine processEngine,
      CamundaIdentityAuthenticationProvider provider) throws Exception {
    RequestMatcher json = paths("/me/links");
    http.securityMatcher(paths("/me", "/me/**", HandbookLinks.PATH, HandbookLinks.PATH + "/**"))
        .authenticationProvider(provider)
        .authorizeHttpRequests(auth -> auth.requestMatchers(paths(LOGIN_PAGE)).permitAll().anyRequest().authenticated())
        .formLogin(form -> form.loginPage(LOGIN_PAGE).failureUrl(LOGIN_PAGE + "?error"))
        .logout(logout -> logout.logoutUrl("/me/logout").logoutSuccessUrl(LOGIN_PAGE + "?logout"))
        .requestCache(cache -> cache.requestCache(new HttpSessionRequestCache()))
        .exceptionHandling(ex -> ex
            .defaultAuthenticationEntryPointFor((request, response, e) -> Problems.write(response, HttpStatus.UNAUTHORIZED,
                "log in to Tasklist or at " + LOGIN_PAGE), json)
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), request -> true)
            .accessDeniedHandler((request, response, e) -> refused(response)))
        .addFilterBefore(new WebappLoginBridge(identityService, processEngine.getName()), AnonymousAuthenticationFilter.class)
        .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class);
    return http.build();
  }

  /** A refused form (such as an expired CSRF token): a page that says what to do, not a bare 403. */
  private static void refused(HttpServletResponse response) throws IOException {
    response.setStatus(HttpStatus.FORBIDDEN.value());
    response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
    response.getWriter().write(Page.of("Not done", "<p class=\"message problem\">This form has expired or was not "
        + "sent from this site. Go back, reload the page and try again.</p>"));
  }
}
