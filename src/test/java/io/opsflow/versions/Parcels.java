package io.opsflow.versions;

import io.opsflow.DueJobs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * The parcel test process of {@code src/test/resources/versions}, in two versions: version 2 has
 * no "Check credit" any more, "Pack order" is renamed "Pick and pack" (with its reminder timer;
 * the test mappings are {@code opsflow/processes/parcel.migration.yml}), and "Confirm address" is
 * new. Each fixture deploys it under a process key of its own, so tests do not see each other's
 * instances.
 */
public final class Parcels {

  public static final String V1 = "versions/parcel-v1.bpmn";
  public static final String V2 = "versions/parcel-v2.bpmn";
  static final String DUE = "2031-03-05T16:00:00";
  private static final AtomicInteger KEYS = new AtomicInteger();

  public final String key = "Process_VersionsParcel" + KEYS.incrementAndGet();
  private final ProcessEngine engine;

  public Parcels(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Deploys a version as {@code parcel.bpmn}, the name its mapping file goes by. */
  public Parcels deploy(String resource) {
    engine.getRepositoryService().createDeployment().name("versions-test")
        .addInputStream("parcel.bpmn", new ByteArrayInputStream(read(resource).replace("Process_VersionsParcel", key)
            .getBytes(StandardCharsets.UTF_8)))
        .deploy();
    return this;
  }

  /** Starts a parcel whose carrier can be booked or not; it waits before "Book carrier". */
  public String start(boolean carrierReachable) {
    return engine.getRuntimeService().startProcessInstanceByKey(key, "parcel-" + KEYS.incrementAndGet(),
        variables(carrierReachable)).getId();
  }

  /** Starts a parcel on version 1, also once version 2 is deployed; it waits before "Book carrier". */
  public String startOnVersion1() {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
        .processDefinitionVersion(1).singleResult().getId();
    return engine.getRuntimeService().startProcessInstanceById(definitionId, "parcel-" + KEYS.incrementAndGet(),
        variables(true)).getId();
  }

  private static Map<String, Object> variables(boolean carrierReachable) {
    return Map.of("carrierReachable", carrierReachable, "dueDate", DUE);
  }

  /** A parcel that has gone through the steps before {@code activityId} and waits there. */
  public String waitingAt(String activityId) {
    String instanceId = start(true);
    DueJobs.run(engine.getManagementService(), instanceId);
    while (!task(instanceId).getTaskDefinitionKey().equals(activityId)) {
      engine.getTaskService().complete(task(instanceId).getId());
    }
    return instanceId;
  }

  public Task task(String instanceId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
  }

  public Job timer(String instanceId) {
    return engine.getManagementService().createJobQuery().processInstanceId(instanceId).timers().singleResult();
  }

  public int versionOf(String instanceId) {
    String definitionId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId)
        .singleResult().getProcessDefinitionId();
    return engine.getRepositoryService().getProcessDefinition(definitionId).getVersion();
  }

  /** Runs the instance's asynchronous job until the engine gives up on it (no retries left). */
  public void failBookingUntilIncident(String instanceId) {
    Job job;
    while ((job = engine.getManagementService().createJobQuery().processInstanceId(instanceId).withRetriesLeft()
        .singleResult()) != null) {
      try {
        engine.getManagementService().executeJob(job.getId());
      } catch (RuntimeException expected) {
        // the carrier is unreachable: the job fails, the engine counts a retry down
      }
    }
  }

  private static String read(String resource) {
    try (InputStream in = Parcels.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
