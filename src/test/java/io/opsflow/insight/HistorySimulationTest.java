package io.opsflow.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.OpsflowSpringTest;
import io.opsflow.insight.DemoScenario.TaskPlan;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
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
    DemoScenario scenario = dailyRequests(history, 3, instance -> {}, task ->
        task.getTaskDefinitionKey().equals(TestHistory.REVIEW)
            ? Optional.of(new TaskPlan("sam", Duration.ofHours(1), Duration.ofHours(2), Map.of("checked", true)))
            : Optional.empty());

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
  void keepsDrivingAnInstanceThatRunsLongAfterTheOthersHaveEnded() {
    TestHistory history = TestHistory.deploy(engine);
    Instant from = TestHistory.at(LocalDateTime.of(2024, 4, 1, 9, 0)).toInstant();
    int starts = 30;
    Duration slowReviewWait = Duration.ofDays(starts - 5);
    CompletableFuture<String> slowInstance = new CompletableFuture<>();
    // the first start's instance: its review waits for weeks
    DemoScenario scenario = dailyRequests(history, starts, instance -> slowInstance.complete(instance.getId()), task -> {
      if (task.getTaskDefinitionKey().equals(TestHistory.APPROVE)) {
        return Optional.of(new TaskPlan("olivia", Duration.ofHours(1), Duration.ofHours(1), Map.of()));
      }
      Duration wait = task.getProcessInstanceId().equals(slowInstance.join()) ? slowReviewWait : Duration.ofHours(1);
      return Optional.of(new TaskPlan("sam", wait, Duration.ofHours(2), Map.of("checked", true)));
    });

    int failures = new HistorySimulation(engine, List.of(scenario), new Random(1))
        .play(from, from.plus(Duration.ofDays(starts + 1)));

    assertThat(failures).isZero();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(history.processKey()).finished().count())
        .as("every instance ended, the first after all the others: its approval came when they had long gone")
        .isEqualTo(starts);
    HistoricTaskInstance slowApproval = engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceId(slowInstance.join()).taskDefinitionKey(TestHistory.APPROVE).singleResult();
    assertThat(slowApproval.getStartTime().toInstant()).isEqualTo(from.plus(slowReviewWait).plus(Duration.ofHours(2)));
    assertThat(slowApproval.getAssignee()).isEqualTo("olivia");
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

  @Test
  void movesTheClockOfItsOwnThreadOnly() throws Exception {
    try (PausedPlay play = new PausedPlay(1)) {
      String instanceId = play.firstInstance();

      Instant testThreadsClock = ClockUtil.getCurrentTime().toInstant();

      assertThat(testThreadsClock).as("another thread's engine clock").isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instanceId)
          .singleResult().getStartTime().toInstant()).as("the simulation's history").isEqualTo(play.from);
    }
  }

  @Test
  void theJobExecutorCannotAcquireTheSimulationsJobsWhileItPlays() throws Exception {
    try (PausedPlay play = new PausedPlay(1)) {
      Job wait = engine.getManagementService().createJobQuery().processInstanceId(play.firstInstance()).singleResult();
      assertThat(wait.getDuedate()).as("due by the real clock").isBefore(ClockUtil.getCurrentTime());

      List<String> acquirable = acquirableJobIds();

      assertThat(acquirable).doesNotContain(wait.getId());
    }
  }

  @Test
  void runsItsTimersAtTheirSimulatedDueTimesAndGivesTheJobsLeftToTheJobExecutor() throws Exception {
    try (PausedPlay play = new PausedPlay(1)) {
      String instanceId = play.firstInstance();

      assertThat(play.finish()).isZero();

      HistoricActivityInstance wait = engine.getHistoryService().createHistoricActivityInstanceQuery()
          .processInstanceId(instanceId).activityId(PausedPlay.WAIT).singleResult();
      assertThat(wait.getEndTime().toInstant()).isEqualTo(play.from.plus(PausedPlay.WAITING));
      assertThat(engine.getManagementService().createJobQuery().processInstanceId(instanceId).list())
          .as("the overdue timer of the task left open").singleElement()
          .satisfies(overdue -> assertThat(overdue.getPriority()).isZero());
    }
  }

  @Test
  void stopsBetweenTwoActionsAndGivesItsJobsToTheJobExecutor() throws Exception {
    try (PausedPlay play = new PausedPlay(2)) {
      String instanceId = play.firstInstance();
      play.simulation.stop();

      assertThat(play.finish()).isZero();

      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(play.processKey)
          .count()).as("the second start was not played").isEqualTo(1);
      assertThat(engine.getManagementService().createJobQuery().processInstanceId(instanceId).singleResult()
          .getPriority()).isZero();
    }
  }

  @Test
  void jobsThatAKilledPlayLeftToTheSimulationGoToTheJobExecutorAtTheNextStart() {
    String processKey = PausedPlay.deploy(engine);
    String instanceId = engine.getRuntimeService().startProcessInstanceByKey(processKey).getId();
    Job wait = engine.getManagementService().createJobQuery().processInstanceId(instanceId).singleResult();
    engine.getManagementService().setJobPriority(wait.getId(), wait.getPriority() - SimulatedJobs.BAND_OFFSET);

    context.getBean(SimulatedJobs.class).postProcessEngineBuild(engine);

    assertThat(engine.getManagementService().createJobQuery().jobId(wait.getId()).singleResult().getPriority()).isZero();
  }

  /**
   * A scenario of {@link TestHistory}'s process: a request a day for {@code days} days, each told to
   * {@code started} once started, their tasks planned by {@code plans}.
   */
  private DemoScenario dailyRequests(TestHistory history, int days, Consumer<ProcessInstance> started,
      Function<Task, Optional<TaskPlan>> plans) {
    return new DemoScenario() {
      @Override
      public String processKey() {
        return history.processKey();
      }

      @Override
      public void schedule(HistorySimulation simulation, Instant start, Instant to, Random random) {
        for (int day = 0; day < days; day++) {
          simulation.start(start.plus(Duration.ofDays(day)), null, "start", () -> {
            ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(history.processKey(),
                Map.of("reviewDue", TestHistory.at(LocalDateTime.now())));
            started.accept(instance);
            return instance;
          });
        }
      }

      @Override
      public Optional<TaskPlan> plan(Task task, Random random) {
        return plans.apply(task);
      }
    };
  }

  /** The job executor's own acquisition query, on this thread's (real) clock, without locking anything. */
  private List<String> acquirableJobIds() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(command -> command.getJobManager().findNextJobsToExecute(new Page(0, 1000))).stream()
        .map(AcquirableJobEntity::getId).toList();
  }

  /**
   * A play on a thread of its own of a process of its own (a timer, then a task nobody does, with
   * an overdue timer): {@code starts} instances a day apart from two days ago, the first of which
   * waits, once started, for {@link #finish} (or {@link #close}).
   */
  private final class PausedPlay implements AutoCloseable {

    static final String WAIT = "Timer_Wait";
    static final Duration WAITING = Duration.ofHours(1);

    final String processKey = deploy(engine);
    final Instant from = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
    final HistorySimulation simulation;
    private final CompletableFuture<String> first = new CompletableFuture<>();
    private final CountDownLatch go = new CountDownLatch(1);
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final Future<Integer> play;

    PausedPlay(int starts) {
      DemoScenario scenario = new DemoScenario() {
        @Override
        public String processKey() {
          return processKey;
        }

        @Override
        public void schedule(HistorySimulation simulation, Instant start, Instant to, Random random) {
          for (int day = 0; day < starts; day++) {
            simulation.start(start.plus(Duration.ofDays(day)), null, "start", day == 0 ? this::startAndWait : this::start);
          }
        }

        private ProcessInstance start() {
          return engine.getRuntimeService().startProcessInstanceByKey(processKey);
        }

        private ProcessInstance startAndWait() {
          ProcessInstance instance = start();
          first.complete(instance.getId());
          try {
            go.await(1, TimeUnit.MINUTES);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return instance;
        }

        @Override
        public Optional<TaskPlan> plan(Task task, Random random) {
          return Optional.empty();
        }
      };
      simulation = new HistorySimulation(engine, List.of(scenario), new Random(1));
      play = thread.submit(() -> simulation.play(from, Instant.now()));
    }

    static String deploy(ProcessEngine engine) {
      String key = "Process_SimulationTest" + UUID.randomUUID().toString().substring(0, 8);
      engine.getRepositoryService().createDeployment().name("simulation-test").addModelInstance(key + ".bpmn",
          Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent("StartEvent_Requested")
              .intermediateCatchEvent(WAIT).timerWithDuration(WAITING.toString())
              .userTask("Task_Check").camundaCandidateGroups("sales")
              .boundaryEvent("Timer_CheckOverdue").timerWithDuration("P30D").endEvent("EndEvent_Overdue")
              .moveToActivity("Task_Check").endEvent("EndEvent_Checked").done()).deploy();
      return key;
    }

    String firstInstance() throws Exception {
      return first.get(1, TimeUnit.MINUTES);
    }

    /** Lets the play go on and waits until it is over; returns its failures. */
    int finish() throws Exception {
      go.countDown();
      return play.get(1, TimeUnit.MINUTES);
    }

    @Override
    public void close() throws Exception {
      finish();
      thread.shutdown();
    }
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
