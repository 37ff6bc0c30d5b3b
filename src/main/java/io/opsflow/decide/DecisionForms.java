package io.opsflow.decide;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.platform.EngineIdentity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.springframework.stereotype.Component;

/**
 * The {@link DecisionForm} of a task, read once per process definition and task: a deployed
 * definition never changes its forms. The form is the one its {@code camunda:formRef} names in
 * the definition's deployment ({@code formRefBinding="deployment"}, as every Opsflow task has).
 */
@Component
class DecisionForms {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RepositoryService repositoryService;
  private final EngineIdentity identity;
  private final Map<String, Optional<DecisionForm>> forms = new ConcurrentHashMap<>();

  DecisionForms(RepositoryService repositoryService, EngineIdentity identity) {
    this.repositoryService = repositoryService;
    this.identity = identity;
  }

  /** The approval in the form {@code formRef} of this task definition, if it is one. */
  Optional<DecisionForm> of(String processDefinitionId, String taskDefinitionKey, String formRef) {
    if (formRef == null) {
      return Optional.empty();
    }
    return forms.computeIfAbsent(processDefinitionId + "/" + taskDefinitionKey,
        use -> identity.asEngine(() -> read(processDefinitionId, formRef)));
  }

  private Optional<DecisionForm> read(String processDefinitionId, String formRef) {
    String deploymentId = repositoryService.getProcessDefinition(processDefinitionId).getDeploymentId();
    for (Resource resource : repositoryService.getDeploymentResources(deploymentId)) {
      if (resource.getName().endsWith(".form") && formRef.equals(formId(resource.getBytes()))) {
        return DecisionForm.of(new ByteArrayInputStream(resource.getBytes()));
      }
    }
    return Optional.empty();
  }

  private static String formId(byte[] form) {
    try (InputStream in = new ByteArrayInputStream(form)) {
      return JSON.readTree(in).path("id").asText(null);
    } catch (IOException e) {
      throw new UncheckedIOException("form is not valid JSON", e);
    }
  }
}
