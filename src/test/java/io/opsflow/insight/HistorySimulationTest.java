package io.opsflow.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.OpsflowSpringTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;

@OpsflowSpringTest
class HistorySimulationTest {

  private static final String ORDER_FULFILLMENT = "Process_OrderFulfillment";
  private static final String PICK_AND_PACK = "Task_PickAndPackOrder";
  private static final String CABLE_SKU = "CABLE-USBC";

  @Autowired
  ProcessEngine engine;
  @Autowired
  ApplicationContext context;
  @Autowired
  TestRestTemplate http;

  @Test
  void playsPlannedWorkAtItsTimesAndLeavesUnplannedTasksOpen() {
    TestHistory history = TestHistory.deploy(engine);
    Instant from = TestHistory.at(LocalDateTime.of(2024, 4, 1, 9, 0)).toInstant();
    DemoScenario scenario = new DemoScenario() {
      @Override
      public String processKey() {
        return history.processKey();
      }

      @Override
      public void schedule(HistorySimulation simulation, Instant start, Instant to, Random random) {
        for (int day = 0; day < 3; day++) {
          simulation.start(start.plus(Duration.ofDays(day)), null, "start", () -> engine.getRuntimeService()
              .startProcessInstanceByKey(history.processKey(), Map.of("reviewDue", TestHistory.at(LocalDateTime.now()))));
        }
      }

      @Override
      public Optional<TaskPlan> plan(Task task, Random random) {
        return task.getTaskDefinitionKey().equals(TestHistory.REVIEW)
            ? Optional.of(new TaskPlan("sam", Duration.ofHours(1), Duration.ofHours(2), Map.of("checked", true)))
            : Optional.empty();
      }
    };

    int failures = new HistorySimulation(engine, List.of(scenario), new Random(1))
        .play(from, from.plus(Duration.ofDays(5)));

    assertThat(failures).isZero();
    List<HistoricTaskInstance> reviews = engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processDefinitionKey(history.processKey()).taskDefinitionKey(TestHistory.REVIEW).finished().list();
    assertThat(reviews).hasSize(3).allSatisfy(review -> {
      assertThat(review.getAssignee()).isEqualTo("sam");
      assertThat(review.getDurationInMillis()).isEqualTo(Duration.ofHours(3).toMillis());
    });
    assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey(history.processKey())
        .taskDefinitionKey(TestHistory.APPROVE).count()).isEqualTo(3);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(history.processKey()).unfinished().count()).isEqualTo(3);
  }

  @Test
  void drivesOnlyTheInstancesItStartedNotAnOrderSomeonePlacedMeanwhile() {
    JsonNode placed = http.withBasicAuth("sam", "sam").postForObject("/api/orders", Map.of(
        "customerName", "Newcomer Ltd", "customerEmail", "newcomer@example.com",
        "lines", List.of(Map.of("sku", CABLE_SKU, "quantity", 1))), JsonNode.class);
    String theirs = placed.get("processInstanceId").asText();
    String ownEmail = "demo-" + UUID.randomUUID() + "@customer.example";
    List<String> theirSteps = engine.getRuntimeService().getActiveActivityIds(theirs);
    List<String> theirJobs = jobIds(theirs);
    assertThat(theirJobs).as("the placed order waits for a job the simulation could run").isNotEmpty();
    DemoScenario orders = new DemoScenario() {
      @Override
      public String processKey() {
        return ORDER_FULFILLMENT;
      }

      @Override
      public void schedule(HistorySimulation simulation, Instant from, Instant to, Random random) {
        for (int day = 0; day < 2; day++) {
          simulation.startWithForm(from.plus(Duration.ofDays(day)), "sam", ORDER_FULFILLMENT, Map.of(
              "customerName", "Demo Ltd", "customerEmail", ownEmail,
              "line1", "{\"sku\":\"" + CABLE_SKU + "\",\"quantity\":1}"));
        }
      }

      @Override
      public Optional<TaskPlan> plan(Task task, Random random) {
        return task.getTaskDefinitionKey().equals(PICK_AND_PACK)
            ? Optional.of(new TaskPlan("wendy", Duration.ofHours(1), Duration.ofHours(1), Map.of("itemsMissing", false)))
            : Optional.empty();
      }
    };
    Instant now = Instant.now();

    int failures = new HistorySimulation(engine, List.of(orders), new Random(1)).play(now.minus(Duration.ofDays(2)), now);

    assertThat(failures).isZero();
    List<String> own = StreamSupport.stream(http.withBasicAuth("sam", "sam").getForObject("/api/orders", JsonNode.class)
        .spliterator(), false).filter(o -> o.get("customerEmail").asText().equals(ownEmail))
        .map(o -> o.get("status").asText()).toList();
    assertThat(own).as("the simulation's own orders are packed").containsExactly("SHIPPING", "SHIPPING");
    assertThat(engine.getRuntimeService().getActiveActivityIds(theirs)).isEqualTo(theirSteps);
    assertThat(jobIds(theirs)).isEqualTo(theirJobs);
    JsonNode order = http.withBasicAuth("sam", "sam").getForObject("/api/orders/{id}", JsonNode.class, placed.get("id").asLong());
    assertThat(order.get("status").asText()).isEqualTo("PICKING");
    assertThat(order.get("placedAt")).isEqualTo(placed.get("placedAt"));
    assertThat(order.get("updatedAt")).isEqualTo(placed.get("updatedAt"));
  }

  private List<String> jobIds(String processInstanceId) {
    return engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).list().stream()
        .map(Job::getId).sorted().toList();
  }

  @Test
  void demoHistoryIsNotPartOfTheTestProfile() {
    assertThat(context.getBeanNamesForType(DemoHistory.class)).isEmpty();
  }
}
