package io.opsflow.platform;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Security in front of everything.
 * <ul>
 *   <li>{@code /engine-rest/**}, {@code /api/**}, {@code /actuator/**}: HTTP Basic against the
 *       Camunda identities, stateless; anonymous requests get 401. Only {@code health} is open.
 *       The API's description ({@code /v3/api-docs}) is for every logged-in user, Swagger UI for
 *       administrators ({@link ApiDescription}).
 *       Writes must be requests no other site can send ({@link CrossSiteWriteGuard}).
 *   <li>The engine REST API, also the webapps' copy: {@link EngineRestGate}.
 *   <li>{@code /camunda/**}: the webapps keep their own login and CSRF protection; the first-run
 *       setup path is closed (CVE-2026-77226).
 * </ul>
 */
@Configuration
class SecurityConfiguration {

  /** A percent-encoded character of RFC 3986's unreserved set. */
  private static final Pattern ENCODED_UNRESERVED = Pattern.compile("%(3[0-9]|4[1-9a-fA-F]|5[0-9aA]|6[1-9a-fA-F]|7[0-9aA]|2[dDeE]|5[fF]|7[eE])");
  private static final String REALM = "Opsflow";

  /**
   * Matchers on the whole path: the REST API and the webapps are not served by Spring MVC's
   * dispatcher, so servlet-relative matching would miss them.
   */
  private static RequestMatcher paths(String... patterns) {
    PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
    return new OrRequestMatcher(Arrays.stream(patterns).map(p -> (RequestMatcher) builder.matcher(p)).toList());
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(HttpSecurity http, IdentityService identityService,
      CamundaIdentityAuthenticationProvider provider) throws Exception {
    http.securityMatcher(paths("/engine-rest/**", "/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**"))
        .authenticationProvider(provider)
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(paths("/swagger-ui.html", "/swagger-ui/**")).hasAuthority(OpsflowGroups.ADMINISTRATORS)
            .requestMatchers(paths("/actuator/health", "/actuator/health/**")).permitAll()
            .requestMatchers(paths("/actuator/prometheus")).hasAuthority(OpsflowGroups.ADMINISTRATORS)
            .requestMatchers(paths("/actuator/**")).denyAll()
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint((request, response, e) -> {
          response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
          Problems.write(response, HttpStatus.UNAUTHORIZED, "log in with HTTP Basic (user and password)");
        }))
        .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
            Problems.write(response, HttpStatus.FORBIDDEN, "you have no right to do this")))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // no session, but browsers resend Basic credentials: writes must be requests no other site can send
        .csrf(AbstractHttpConfigurer::disable)
        .addFilterBefore(new CrossSiteWriteGuard(), BasicAuthenticationFilter.class)
        .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class);
    return http.build();
  }

  /**
   * A URL that Spring Security's firewall refuses (such as {@code //engine-rest/...}) is refused
   * as a bad request before any filter parses it: parsing it fails with a server error. So is a
   * path with a percent-encoded letter, digit or {@code - . _ ~}: no client needs to encode those,
   * and Jersey fails with a server error where such a path no longer starts with its servlet's.
   */
  @Bean
  FilterRegistrationBean<Filter> malformedUrlIsBadRequest() {
    HttpFirewall firewall = new StrictHttpFirewall();
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
      try {
        firewall.getFirewalledRequest((HttpServletRequest) request);
      } catch (RequestRejectedException e) {
        Problems.write((HttpServletResponse) response, HttpStatus.BAD_REQUEST, "the URL is not valid: " + e.getMessage());
        return;
      }
      if (ENCODED_UNRESERVED.matcher(((HttpServletRequest) request).getRequestURI()).find()) {
        Problems.write((HttpServletResponse) response, HttpStatus.BAD_REQUEST,
            "the URL is not valid: letters, digits and - . _ ~ are written as they are, not percent-encoded");
        return;
      }
      chain.doFilter(request, response);
    });
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Slow password guessing at every login door, before any password is checked. */
  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle) {
    FilterRegistrationBean<LoginThrottleFilter> registration = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3); // after the start-up gate and the size limit
    return registration;
  }

  /**
   * The engine REST API's rules for people (see {@link EngineRestGate}), on both of its doors;
   * after Spring Security, so the login of {@code /engine-rest} is known.
   */
  @Bean
  FilterRegistrationBean<EngineRestGate> engineRestGate(EngineRestRoutes routes, VariableTypes variableTypes) {
    FilterRegistrationBean<EngineRestGate> registration = new FilterRegistrationBean<>(new EngineRestGate(routes, variableTypes));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  @Bean
  @Order(2)
  SecurityFilterChain webappChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(auth -> auth
            .requestMatchers(paths("/camunda/api/*/setup/**", "/h2-console/**")).denyAll()
            .anyRequest().permitAll())
        // the webapps run their own CSRF filter (XSRF-TOKEN cookie and header) and login
        .csrf(AbstractHttpConfigurer::disable)
        // requests here are anonymous to Spring Security, so a refusal goes to the entry point
        .exceptionHandling(ex -> ex.authenticationEntryPoint((request, response, e) ->
            Problems.write(response, HttpStatus.FORBIDDEN, "this path is closed")));
    return http.build();
  }
}
