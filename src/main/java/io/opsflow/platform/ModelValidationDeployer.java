package io.opsflow.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.xml.ModelException;

/**
 * Runs before the engine's own deployers, for every deployment (start-up, REST, Camunda Modeler):
 * refuses unsafe or malformed XML and models that cannot work, with the file and element named.
 * A {@link ParseException} becomes HTTP 400 with the problems as details in the REST API.
 */
class ModelValidationDeployer implements Deployer {

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return; // the engine re-reads a deployed model into its cache: it was checked when deployed
    }
    Map<String, ResourceEntity> resources = deployment.getResources();
    if (resources == null || resources.isEmpty()) {
      return;
    }
    Map<String, List<ModelProblem>> problems = new LinkedHashMap<>();
    Set<String> formIds = resources.values().stream()
        .filter(r -> ModelFiles.isForm(r.getName()))
        .map(r -> checkForm(r, problems))
        .filter(id -> id != null)
        .collect(Collectors.toSet());
    DeployableModelRules.FormLookup forms = DeployableModelRules.FormLookup.inDeployment(formIds)
        .or(id -> Context.getCommandContext().getCamundaFormDefinitionManager().findLatestDefinitionByKey(id) != null);
    for (ResourceEntity resource : resources.values()) {
      if (ModelFiles.isXml(resource.getName())) {
        checkXmlModel(resource, forms, problems);
      }
    }
    if (!problems.isEmpty()) {
      throw parseException(problems);
    }
  }

  private static String checkForm(ResourceEntity form, Map<String, List<ModelProblem>> problems) {
    String id = ModelFiles.formId(form.getBytes()).orElse(null);
    if (id == null) {
      add(problems, ModelProblem.of(form.getName(), null, "not a Camunda Form: no JSON object with an \"id\""));
    }
    return id;
  }

  private static void checkXmlModel(ResourceEntity resource, DeployableModelRules.FormLookup forms,
      Map<String, List<ModelProblem>> problems) {
    String name = resource.getName();
    var unsafe = ModelFiles.checkXml(name, resource.getBytes());
    if (unsafe.isPresent()) {
      add(problems, unsafe.get());
      return;
    }
    if (!ModelFiles.isBpmn(name)) {
      return;
    }
    try {
      DeployableModelRules.check(name, ModelFiles.readBpmn(resource.getBytes()), forms)
          .forEach(problem -> add(problems, problem));
    } catch (ModelException e) {
      add(problems, ModelProblem.of(name, null, "not a valid BPMN model: " + e.getMessage()));
    }
  }

  private static void add(Map<String, List<ModelProblem>> problems, ModelProblem problem) {
    problems.computeIfAbsent(problem.resource(), r -> new ArrayList<>()).add(problem);
  }

  private static ParseException parseException(Map<String, List<ModelProblem>> problems) {
    String summary = problems.values().stream().flatMap(List::stream).map(ModelProblem::toString)
        .collect(Collectors.joining("; "));
    ParseException exception = new ParseException("Model not deployable: " + summary,
        problems.keySet().iterator().next(), List.copyOf(problems.values().iterator().next()), List.of());
    problems.entrySet().stream().skip(1).forEach(entry -> exception.getResorceReports()
        .add(new ResourceReportImpl(entry.getKey(), List.copyOf(entry.getValue()), List.of())));
    return exception;
  }
}
