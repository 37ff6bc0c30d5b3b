package io.opsflow.insight;

import static io.opsflow.insight.TestHistory.REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.opsflow.OpsflowSpringTest;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

@OpsflowSpringTest
class InsightMetricsTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  TestRestTemplate http;
  @Autowired
  InsightMetrics metrics;
  @Autowired
  MeterRegistry registry;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void metersCountInstancesPerProcessOpenTasksPerGroupAndEscalations() {
    TestHistory history = TestHistory.deploy(engine);
    LocalDateTime start = LocalDateTime.of(2023, 1, 9, 9, 0);
    ProcessInstance instance = history.start(start, "metrics-1", start.plusHours(1));
    history.escalate(instance, REVIEW, start.plusHours(2));
    history.start(start, "metrics-2", null);
    ClockUtil.reset();
    metrics.refresh();

    assertThat(registry.get("opsflow.process.instances.started").tag("process", history.processKey())
        .functionCounter().count()).isEqualTo(2.0);
    assertThat(registry.get("opsflow.process.instances.completed").tag("process", history.processKey())
        .functionCounter().count()).isZero();
    assertThat(registry.get("opsflow.tasks.open").tag("group", "sales").gauge().value()).isGreaterThanOrEqualTo(2);
    assertThat(registry.get("opsflow.tasks.overdue").gauge().value()).isGreaterThanOrEqualTo(1);
    assertThat(registry.get("opsflow.tasks.escalated").gauge().value()).isGreaterThanOrEqualTo(1);
    assertThat(registry.get("opsflow.escalations").functionCounter().count()).isGreaterThanOrEqualTo(1);
    assertThat(registry.get("opsflow.incidents.open").gauge()).isNotNull();
  }

  @Test
  void onlyAdministratorsMayScrape() {
    // Spring Boot tests switch the Prometheus export off; the rule in front of it still applies
    assertThat(http.withBasicAuth("olivia", "olivia").getForEntity("/actuator/prometheus", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }
}
