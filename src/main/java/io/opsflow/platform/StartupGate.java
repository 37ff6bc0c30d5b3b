package io.opsflow.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Nobody works in Opsflow before its start-up is done: the port opens before the processes are
 * deployed and the organisation seeded. Until Spring Boot publishes
 * {@link ReadinessState#ACCEPTING_TRAFFIC}, after every start-up runner and every listener of the
 * ready event, each request but the actuator's answers 503 with {@code Retry-After};
 * {@code /actuator/health} is not UP meanwhile (its readiness probe). The log says when people may
 * start. (The demo profile's history of a first start plays after that, in
 * the background, on its own instances and its own thread's clock: people need not wait for it.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class StartupGate extends OncePerRequestFilter {

  static final int RETRY_AFTER_SECONDS = 10;
  static final String REASON = "Opsflow is starting (deploying processes, seeding); try again in a few seconds";
  private static final Logger LOG = LoggerFactory.getLogger(StartupGate.class);

  private final ApplicationAvailability availability;
  private final Environment environment;

  StartupGate(ApplicationAvailability availability, Environment environment) {
    this.availability = availability;
    this.environment = environment;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/actuator/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
    Problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, REASON);
  }

  @EventListener
  void readinessChanged(AvailabilityChangeEvent<ReadinessState> change) {
    if (change.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
      LOG.info("Opsflow is ready for people on port {}", environment.getProperty("local.server.port"));
    } else {
      LOG.warn("Opsflow refuses requests (503) until it is ready again");
    }
  }
}
