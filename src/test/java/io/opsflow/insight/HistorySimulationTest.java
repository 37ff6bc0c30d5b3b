package io.opsflow.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@OpsflowSpringTest
class HistorySimulationTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  ApplicationContext context;

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
          simulation.at(start.plus(Duration.ofDays(day)), null, "start", () -> engine.getRuntimeService()
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
  void demoHistoryIsNotPartOfTheTestProfile() {
    assertThat(context.getBeanNamesForType(DemoHistory.class)).isEmpty();
  }
}
