package io.opsflow.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.xml.ModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Deploys the designers' folders at start-up, changed files only: a restart with no change
 * deploys nothing, a changed file gives a new version of that definition. A BPMN file is deployed
 * together with the forms it references, and a changed form together with the BPMN files that
 * reference it, so that {@code camunda:formRefBinding="deployment"} always resolves.
 */
@Component
@Order(FolderDeployment.ORDER)
class FolderDeployment implements ApplicationRunner {

  static final int ORDER = 10;
  static final String DEPLOYMENT_NAME = "opsflow";
  static final String DEPLOYMENT_SOURCE = "opsflow-folders";
  private static final Logger LOG = LoggerFactory.getLogger(FolderDeployment.class);

  private final RepositoryService repositoryService;
  private final DesignerFiles designerFiles;

  FolderDeployment(RepositoryService repositoryService, DesignerFiles designerFiles) {
    this.repositoryService = repositoryService;
    this.designerFiles = designerFiles;
  }

  @Override
  public void run(ApplicationArguments args) {
    deployChanges();
  }

  /** Deploys what changed since the last folder deployment; returns it, or null if nothing did. */
  Deployment deployChanges() {
    Map<String, byte[]> files = designerFiles.read();
    Map<String, byte[]> deployed = lastDeployed();
    Set<String> changed = new TreeSet<>();
    files.forEach((name, content) -> {
      if (!Arrays.equals(content, deployed.get(name))) {
        changed.add(name);
      }
    });
    if (changed.isEmpty()) {
      LOG.info("Processes and forms are up to date ({} files)", files.size());
      return null;
    }
    Set<String> batch = withFormPartners(changed, files);
    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME).source(DEPLOYMENT_SOURCE);
    batch.forEach(name -> builder.addInputStream(name, new ByteArrayInputStream(files.get(name))));
    Deployment deployment = builder.deploy();
    LOG.info("Deployed {} (changed: {})", batch, changed);
    return deployment;
  }

  /** Adds the forms referenced by changed BPMN files and the BPMN files referencing changed forms. */
  private static Set<String> withFormPartners(Set<String> changed, Map<String, byte[]> files) {
    Map<String, String> formFileById = new HashMap<>();
    files.forEach((name, content) -> {
      if (ModelFiles.isForm(name)) {
        ModelFiles.formId(content).ifPresent(id -> formFileById.put(id, name));
      }
    });
    Set<String> batch = new TreeSet<>(changed);
    files.forEach((name, content) -> {
      if (!ModelFiles.isBpmn(name)) {
        return;
      }
      Set<String> referencedFiles = new TreeSet<>();
      formRefs(name, content).forEach(id -> {
        if (formFileById.containsKey(id)) {
          referencedFiles.add(formFileById.get(id));
        }
      });
      if (changed.contains(name) || referencedFiles.stream().anyMatch(changed::contains)) {
        batch.add(name);
        batch.addAll(referencedFiles);
      }
    });
    return batch;
  }

  private static Set<String> formRefs(String name, byte[] content) {
    if (ModelFiles.checkXml(name, content).isPresent()) {
      return Set.of(); // the deployment reports it
    }
    try {
      return ModelFiles.formRefs(ModelFiles.readBpmn(content));
    } catch (ModelException e) {
      return Set.of();
    }
  }

  /** The content of each resource as last deployed from the folders. */
  private Map<String, byte[]> lastDeployed() {
    Map<String, byte[]> deployed = new HashMap<>();
    for (Deployment deployment : repositoryService.createDeploymentQuery()
        .deploymentName(DEPLOYMENT_NAME).orderByDeploymentTime().desc().list()) {
      for (Resource resource : repositoryService.getDeploymentResources(deployment.getId())) {
        if (!deployed.containsKey(resource.getName())) {
          deployed.put(resource.getName(), read(deployment.getId(), resource.getId()));
        }
      }
    }
    return deployed;
  }

  private byte[] read(String deploymentId, String resourceId) {
    try (InputStream in = repositoryService.getResourceAsStreamById(deploymentId, resourceId)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
