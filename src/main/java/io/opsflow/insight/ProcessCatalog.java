package io.opsflow.insight;

import io.opsflow.platform.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/** The deployed processes insight reports on: every process definition key, latest version. */
@Component
class ProcessCatalog {

  record DeployedProcess(String key, String name, int version, String definitionId) {}

  private final RepositoryService repositoryService;

  ProcessCatalog(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  List<DeployedProcess> all() {
    return repositoryService.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc()
        .listPage(0, InstanceTimeline.MAX_ROWS).stream().map(ProcessCatalog::deployed).toList();
  }

  DeployedProcess get(String key) {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
        .latestVersion().singleResult();
    if (definition == null) {
      throw ApiException.notFound("process", key);
    }
    return deployed(definition);
  }

  /** The user tasks of the latest version, id to name (the id where unnamed), in the order of the model. */
  Map<String, String> userTasks(String key) {
    Map<String, String> tasks = new LinkedHashMap<>();
    repositoryService.getBpmnModelInstance(get(key).definitionId()).getModelElementsByType(UserTask.class)
        .forEach(task -> tasks.put(task.getId(), task.getName() != null ? task.getName() : task.getId()));
    return tasks;
  }

  /** The BPMN XML of the latest version, as deployed. */
  byte[] diagram(String key) {
    try (InputStream in = repositoryService.getProcessModel(get(key).definitionId())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DeployedProcess deployed(ProcessDefinition definition) {
    String name = definition.getName() != null ? definition.getName() : definition.getKey();
    return new DeployedProcess(definition.getKey(), name, definition.getVersion(), definition.getId());
  }
}
