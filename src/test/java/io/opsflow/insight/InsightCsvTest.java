package io.opsflow.insight;

import static io.opsflow.insight.TestHistory.APPROVE;
import static io.opsflow.insight.TestHistory.REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

@OpsflowSpringTest
class InsightCsvTest {

  private static final LocalDateTime START = LocalDateTime.of(2021, 6, 7, 10, 0);

  @Autowired
  ProcessEngine engine;
  @Autowired
  TestRestTemplate http;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void kpiAndHistoryTablesExportAsCsv() {
    TestHistory history = TestHistory.deploy(engine);
    ProcessInstance instance = history.start(START, "=HYPERLINK(\"x\"),1", null);
    history.work(instance, REVIEW, "sam", START, START.plusHours(1));
    history.work(instance, APPROVE, "olivia", START.plusHours(1), START.plusHours(2));
    ClockUtil.reset();

    ResponseEntity<String> kpis = csv("/api/insight/kpis.csv?from=2021-06-07&to=2021-06-13");
    ResponseEntity<String> instances = csv("/api/insight/instances.csv?process=" + history.processKey());

    assertThat(kpis.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
    assertThat(kpis.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("kpis.csv");
    assertThat(kpis.getBody()).startsWith("processKey,processName,from,to,started,completed,cancelled,running,"
        + "cycleTimeMedianMillis,cycleTimeP90Millis\r\n");
    assertThat(kpis.getBody()).contains(history.processKey() + ",Insight test request,2021-06-07,2021-06-13,1,1,0,0,"
        + "7200000,7200000\r\n");
    String[] lines = instances.getBody().split("\r\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).isEqualTo("id,processKey,businessKey,status,started,ended,durationMillis,startedBy,endActivityId");
    assertThat(lines[1]).isEqualTo(instance.getId() + "," + history.processKey() + ",\"'=HYPERLINK(\"\"x\"\"),1\","
        + "completed," + TestHistory.at(START).toInstant() + "," + TestHistory.at(START.plusHours(2)).toInstant()
        + ",7200000,,EndEvent_RequestDone");
  }

  @ParameterizedTest(name = "starting with {0}")
  @ValueSource(strings = {"=", "+", "-", "@", "\t", "\r"})
  void aCellThatASpreadsheetWouldRunAsAFormulaGetsAnApostrophe(String start) {
    TestHistory history = TestHistory.deploy(engine);
    history.start(START, start + "cmd|' /C calc'!A0", null);
    ClockUtil.reset();

    String[] lines = csv("/api/insight/instances.csv?process=" + history.processKey()).getBody().split("\r\n");

    assertThat(lines).hasSize(2);
    assertThat(lines[1]).contains("," + history.processKey() + "," + (start.equals("\r") ? "\"" : "") + "'" + start + "cmd|");
  }

  private ResponseEntity<String> csv(String path) {
    return http.withBasicAuth("olivia", "olivia").getForEntity(path, String.class);
  }
}
