package io.opsflow.webhooks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Webshops send orders without a user's login: {@code POST /api/webhooks/orders/*} alone is open,
 * and {@link InboundOrders} authenticates each body by its HMAC signature with the source's
 * secret. No session and no cookies are involved, so a page of another site gains nothing by
 * sending there: no CSRF token. Before the platform's {@code /api/**} chain (order 1), which
 * keeps every other method and path of {@code /api/webhooks} behind HTTP Basic.
 */
@Configuration
class WebhookSecurityConfiguration {

  @Bean
  @Order(0)
  SecurityFilterChain inboundWebhookChain(HttpSecurity http) throws Exception {
    http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/webhooks/orders/*"))
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .csrf(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    return http.build();
  }
}
