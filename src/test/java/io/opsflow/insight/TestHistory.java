package io.opsflow.insight;

import io.opsflow.platform.TasklistFilters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Writes history with known times: deploys the test process ({@code insight/insight-test.bpmn})
 * under a key of its own, so each test sees only its instances, and drives it with the engine
 * clock. Times are local date-times in the server's zone, as the reports read them.
 */
final class TestHistory {

  static final String REVIEW = "Task_ReviewRequest";
  static final String APPROVE = "Task_ApproveRequest";
  private static final String TEMPLATE_KEY = "Process_InsightTest";

  private final ProcessEngine engine;
  private final String processKey;

  private TestHistory(ProcessEngine engine, String processKey) {
    this.engine = engine;
    this.processKey = processKey;
  }

  static TestHistory deploy(ProcessEngine engine) {
    String key = TEMPLATE_KEY + UUID.randomUUID().toString().substring(0, 8);
    String xml = template().replace(TEMPLATE_KEY, key);
    engine.getRepositoryService().createDeployment().name("insight-test")
        .addString(key + ".bpmn", xml).deploy();
    return new TestHistory(engine, key);
  }

  String processKey() {
    return processKey;
  }

  static Date at(LocalDateTime time) {
    return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
  }

  ProcessInstance start(LocalDateTime time, String businessKey, LocalDateTime reviewDue) {
    ClockUtil.setCurrentTime(at(time));
    Map<String, Object> variables = new HashMap<>();
    variables.put("reviewDue", reviewDue == null ? null : at(reviewDue));
    return engine.getRuntimeService().startProcessInstanceByKey(processKey, businessKey, variables);
  }

  Task task(ProcessInstance instance, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey).singleResult();
  }

  void claim(ProcessInstance instance, String taskKey, String userId, LocalDateTime time) {
    ClockUtil.setCurrentTime(at(time));
    engine.getTaskService().claim(task(instance, taskKey).getId(), userId);
  }

  void complete(ProcessInstance instance, String taskKey, LocalDateTime time, Map<String, Object> formData) {
    ClockUtil.setCurrentTime(at(time));
    engine.getTaskService().complete(task(instance, taskKey).getId(), formData);
  }

  /** Claims at {@code claimed} and completes at {@code completed}. */
  void work(ProcessInstance instance, String taskKey, String userId, LocalDateTime claimed, LocalDateTime completed) {
    claim(instance, taskKey, userId, claimed);
    complete(instance, taskKey, completed, Map.of());
  }

  void escalate(ProcessInstance instance, String taskKey, LocalDateTime time) {
    ClockUtil.setCurrentTime(at(time));
    engine.getTaskService().setVariableLocal(task(instance, taskKey).getId(), TasklistFilters.ESCALATED_VARIABLE, true);
  }

  void cancel(ProcessInstance instance, LocalDateTime time) {
    ClockUtil.setCurrentTime(at(time));
    engine.getRuntimeService().deleteProcessInstance(instance.getId(), "withdrawn");
  }

  private static String template() {
    try (InputStream in = TestHistory.class.getResourceAsStream("/insight/insight-test.bpmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
