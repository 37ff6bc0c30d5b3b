package io.opsflow.versions;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * New versions of a real process of {@code processes/} in the shared test engine: every user task
 * renamed with the suffix {@code Renamed}, deployed under a resource name of our choice (which
 * decides its mapping file, see {@code opsflow/processes/*-renamed.migration.yml}); and the
 * original again as the newest version, so the tests after see the process as it is.
 */
final class RealProcessVersions {

  private final RepositoryService repositoryService;

  RealProcessVersions(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  /** Deploys the file with every user task renamed, as {@code resourceName}. */
  void deployRenamed(String bpmnFile, String resourceName) {
    String xml = read(bpmnFile);
    for (UserTask task : Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
        .getModelElementsByType(UserTask.class)) {
      xml = xml.replaceAll("\\b" + task.getId() + "(?![A-Za-z0-9_])", task.getId() + "Renamed");
    }
    deploy(resourceName, xml);
  }

  /** Deploys the file as it is, as the newest version. */
  void restore(String bpmnFile) {
    deploy(bpmnFile, read(bpmnFile));
  }

  /**
   * With every form and decision table, as the processes bind them by deployment
   * ({@code formRefBinding}, {@code decisionRefBinding}).
   */
  private void deploy(String resourceName, String xml) {
    DeploymentBuilder deployment = repositoryService.createDeployment().name("versions-test")
        .addString(resourceName, xml);
    try (Stream<Path> forms = Files.list(Path.of("forms")); Stream<Path> processes = Files.list(Path.of("processes"))) {
      Stream.concat(forms, processes.filter(file -> file.toString().endsWith(".dmn")))
          .forEach(file -> deployment.addString(file.getFileName().toString(), read(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    deployment.deploy();
  }

  private static String read(String bpmnFile) {
    return read(Path.of("processes", bpmnFile));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
