package io.opsflow.insight;

import static io.opsflow.insight.TestHistory.REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
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
    metrics.refresh(); // the context is shared: other tests' tasks are counted too, so compare with before
    double openSales = openTasks("sales");
    double overdue = gauge("opsflow.tasks.overdue");
    double escalatedOpen = gauge("opsflow.tasks.escalated");
    double escalations = registry.get("opsflow.escalations").functionCounter().count();
    double incidents = gauge("opsflow.incidents.open");
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
    assertThat(openTasks("sales")).as("two more open review tasks of sales").isEqualTo(openSales + 2);
    assertThat(gauge("opsflow.tasks.overdue")).as("one of them past its due date").isEqualTo(overdue + 1);
    assertThat(gauge("opsflow.tasks.escalated")).as("one of them escalated").isEqualTo(escalatedOpen + 1);
    assertThat(registry.get("opsflow.escalations").functionCounter().count()).isEqualTo(escalations + 1);
    assertThat(gauge("opsflow.incidents.open")).isEqualTo(incidents);
  }

  private double openTasks(String group) {
    Gauge open = registry.find("opsflow.tasks.open").tag("group", group).gauge();
    return open == null ? 0 : open.value();
  }

  private double gauge(String name) {
    return registry.get(name).gauge().value();
  }

  @Test
  void onlyAdministratorsMayScrape() {
    // Spring Boot tests switch the Prometheus export off; the rule in front of it still applies
    assertThat(http.withBasicAuth("olivia", "olivia").getForEntity("/actuator/prometheus", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }
}
