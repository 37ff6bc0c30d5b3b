package io.opsflow.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.RunningApp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

/**
 * Clients working Opsflow over HTTP at the same time: half of them place orders as sam (two
 * lines, each order for a customer of its own), half complete "Pick and pack order" tasks as
 * wendy. An order that got no success is sent again with the same Idempotency-Key until it gets
 * one, as a careful client does. What got a 2xx is acknowledged and must survive whatever happens
 * to the server; every other answer is kept to be looked at.
 */
final class OrderLoad implements AutoCloseable {

  /** An answer that was not a success: the request, its status, {@code Retry-After} and body. */
  record Refusal(String request, int status, String retryAfter, String body) {

    @Override
    public String toString() {
      return request + " -> " + status + " " + body;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long BACK_OFF_MILLIS = 200;

  private final RunningApp app;
  private final ExecutorService clients;
  private volatile boolean running = true;
  private final Map<Long, String> acknowledgedOrders = new ConcurrentHashMap<>();
  private final Set<String> completedTasks = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<Refusal> refusals = new ConcurrentLinkedQueue<>();
  private final AtomicInteger unanswered = new AtomicInteger();

  private OrderLoad(RunningApp app, int clients) {
    this.app = app;
    this.clients = Executors.newFixedThreadPool(clients);
    for (int i = 0; i < clients; i++) {
      boolean placesOrders = i % 2 == 0;
      this.clients.execute(() -> work(placesOrders));
    }
  }

  static OrderLoad start(RunningApp app, int clients) {
    return new OrderLoad(app, clients);
  }

  /** Order id to process instance id, of every order placed with 201 (or 200, a replay). */
  Map<Long, String> acknowledgedOrders() {
    return acknowledgedOrders;
  }

  /** Ids of the tasks whose completion was answered 204. */
  Set<String> completedTasks() {
    return completedTasks;
  }

  List<Refusal> refusals() {
    return List.copyOf(refusals);
  }

  /** The refusals with a status other than the given ones, each with its request and body. */
  List<Refusal> refusalsOtherThan(Integer... statuses) {
    Set<Integer> expected = Set.of(statuses);
    return refusals.stream().filter(refusal -> !expected.contains(refusal.status())).toList();
  }

  /** Requests that got no answer at all (connection refused or broken, timeout). */
  int unanswered() {
    return unanswered.get();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    clients.shutdown();
    clients.awaitTermination(1, TimeUnit.MINUTES);
  }

  private void work(boolean placesOrders) {
    String order = newOrder();
    String key = UUID.randomUUID().toString();
    while (running) {
      try {
        boolean done = placesOrders ? placeOrder(order, key) : completePickTask();
        if (done && placesOrders) {
          order = newOrder();
          key = UUID.randomUUID().toString();
        } else if (!done) {
          backOff();
        }
      } catch (IOException | RuntimeException noAnswer) {
        unanswered.incrementAndGet();
        backOff();
      }
    }
  }

  private static String newOrder() {
    return """
        {"customerName":"Load Test","customerEmail":"load-%s@example.com",
         "lines":[{"sku":"CABLE-USBC","quantity":1},{"sku":"LAMP-LED","quantity":1}]}""".formatted(UUID.randomUUID());
  }

  private boolean placeOrder(String body, String key) throws IOException {
    HttpResponse<String> answer = app.post("sam", "/api/orders", body, IdempotencyFilter.HEADER, key);
    if (!succeeded(answer)) {
      return false;
    }
    JsonNode order = JSON.readTree(answer.body());
    acknowledgedOrders.put(order.get("id").asLong(), order.get("processInstanceId").asText());
    return true;
  }

  private boolean completePickTask() throws IOException {
    HttpResponse<String> tasks = app.get("wendy", "/api/tasks");
    if (!succeeded(tasks)) {
      return false;
    }
    List<String> picks = StreamSupport.stream(JSON.readTree(tasks.body()).spliterator(), false)
        .filter(task -> task.get("taskDefinitionKey").asText().equals("Task_PickAndPackOrder"))
        .map(task -> task.get("id").asText()).toList();
    if (picks.isEmpty()) {
      return false;
    }
    // a random one of the first few, so two clients rarely race for the same task
    String taskId = picks.get(ThreadLocalRandom.current().nextInt(Math.min(picks.size(), 5)));
    HttpResponse<String> done = app.post("wendy", "/api/tasks/" + taskId + "/complete", "{\"itemsMissing\":false}");
    if (succeeded(done)) {
      completedTasks.add(taskId);
    }
    return succeeded(done) || done.statusCode() == 409;
  }

  private boolean succeeded(HttpResponse<String> answer) {
    if (answer.statusCode() / 100 == 2) {
      return true;
    }
    refusals.add(new Refusal(answer.request().method() + " " + answer.request().uri().getPath(), answer.statusCode(),
        answer.headers().firstValue("Retry-After").orElse(null), answer.body()));
    return false;
  }

  /** A client's pause after a failure, so that refused clients do not spin. */
  private void backOff() {
    try {
      Thread.sleep(BACK_OFF_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
