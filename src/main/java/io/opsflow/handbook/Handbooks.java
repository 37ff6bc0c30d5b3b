package io.opsflow.handbook;

import io.opsflow.platform.EngineIdentity;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.springframework.stereotype.Component;

/**
 * The handbooks of the deployed processes, read as the engine (a Modeler-only process has no
 * authorizations; {@link HandbookAccess} decides who sees which), one per deployed version and
 * kept: a deployed definition never changes.
 */
@Component
class Handbooks {

  /** More processes than a company has; a page never reads without a limit. */
  static final int MAX_PROCESSES = 500;
  private static final String DEPLOYED_FORM = "camunda-forms:deployment:";

  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final EngineIdentity identity;
  private final Map<String, ProcessHandbook> handbooks = new ConcurrentHashMap<>();

  Handbooks(RepositoryService repositoryService, IdentityService identityService, EngineIdentity identity) {
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.identity = identity;
  }

  /** The latest version of every deployed process, by name. */
  List<ProcessHandbook> latest() {
    return identity.asEngine(() -> repositoryService.createProcessDefinitionQuery().latestVersion()
        .listPage(0, MAX_PROCESSES).stream().map(this::of)
        .sorted(Comparator.comparing((ProcessHandbook h) -> h.name().toLowerCase()).thenComparing(ProcessHandbook::key))
        .toList());
  }

  /** A version of a process, the latest when {@code version} is null. */
  Optional<ProcessHandbook> of(String key, Integer version) {
    return identity.asEngine(() -> {
      var query = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key);
      List<ProcessDefinition> found = (version == null ? query.latestVersion() : query.processDefinitionVersion(version))
          .listPage(0, 1);
      return found.stream().findFirst().map(this::of);
    });
  }

  /** The version deployed before this one, if any. */
  Optional<ProcessHandbook> previous(ProcessHandbook handbook) {
    return handbook.version() <= 1 ? Optional.empty() : of(handbook.key(), handbook.version() - 1);
  }

  /** The process definition a task belongs to (as the engine: the caller found the task). */
  ProcessDefinition definition(String processDefinitionId) {
    return identity.asEngine(() -> repositoryService.getProcessDefinition(processDefinitionId));
  }

  /** A group's name ("Warehouse"), or its id when it has none; empty when there is no such group. */
  Optional<String> groupName(String groupId) {
    Group group = identity.asEngine(() -> identityService.createGroupQuery().groupId(groupId).singleResult());
    return Optional.ofNullable(group).map(g -> g.getName() == null || g.getName().isBlank() ? g.getId() : g.getName());
  }

  private ProcessHandbook of(ProcessDefinition definition) {
    return handbooks.computeIfAbsent(definition.getId(), id -> read(definition));
  }

  private ProcessHandbook read(ProcessDefinition definition) {
    Map<String, byte[]> formsById = new HashMap<>();
    Map<String, byte[]> formsByName = new HashMap<>();
    for (Resource resource : repositoryService.getDeploymentResources(definition.getDeploymentId())) {
      if (resource.getName().endsWith(".form")) {
        byte[] form = resource.getBytes();
        formsByName.put(resource.getName(), form);
        FormReader.id(form).ifPresent(formId -> formsById.put(formId, form));
      }
    }
    var deployment = repositoryService.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
    return ModelReader.read(repositoryService.getBpmnModelInstance(definition.getId()), definition.getId(),
        definition.getKey(), definition.getName(), definition.getVersion(),
        deployment == null ? null : deployment.getDeploymentTime(),
        formRef -> Optional.ofNullable(formRef.startsWith(DEPLOYED_FORM)
            ? formsByName.get(formRef.substring(DEPLOYED_FORM.length())) : formsById.get(formRef)));
  }
}
