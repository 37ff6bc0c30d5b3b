package io.opsflow.platform;

import io.opsflow.platform.Problems.InvalidParam;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.form.handler.FormHandler;
import org.camunda.bpm.engine.impl.form.handler.StartFormHandler;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Checks a submitted Camunda Form on the server, whatever client sent it (Tasklist, the REST
 * API's {@code submit-form}, our {@code /api/tasks/{id}/complete}): required fields present,
 * numbers are numbers, choices among the options, lengths and patterns kept. form-js checks only
 * in the browser. A bad submission is refused (HTTP 400 naming the fields): the task stays open,
 * a start form starts nothing. People who are not administrators submit only the form's fields
 * (none where a task or process has no form): anything else would set process variables the form
 * does not offer. Completing a task or starting a process without its form ({@code complete},
 * {@code start}) is not a form submission; {@link EngineRestGate} keeps people to the form there.
 */
class FormSubmissionCheck extends AbstractBpmnParseListener {

  private final FormSchemas schemas;

  FormSubmissionCheck(FormSchemas schemas) {
    this.schemas = schemas;
  }

  @Override
  public void parseProcess(Element element, ProcessDefinitionEntity definition) {
    FormDefinition startForm = definition.getStartFormDefinition();
    if (isCheckable(startForm)) {
      definition.setStartFormHandler(new CheckingStartFormHandler(definition.getStartFormHandler(),
          startForm.getCamundaFormDefinitionKey() != null));
    }
  }

  @Override
  public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior
        && isCheckable(behavior.getTaskDefinition().getFormDefinition())) {
      TaskDefinition definition = behavior.getTaskDefinition();
      definition.setTaskFormHandler(new CheckingTaskFormHandler(definition.getTaskFormHandler(),
          definition.getCamundaFormDefinitionKey() != null));
    }
  }

  /**
   * A Camunda Form is checked field by field; no form at all means no fields, so a submission
   * may set nothing. Other forms (embedded, external) are the designer's to check.
   */
  private static boolean isCheckable(FormDefinition form) {
    return form == null || form.getCamundaFormDefinitionKey() != null || form.getFormKey() == null;
  }

  /**
   * Refuses the submission unless it fills in the form correctly; a field left out of it keeps
   * the value it has in the scope. A person who is not an administrator may submit only the
   * form's fields: anything else would set process variables the form does not offer.
   */
  private static void check(FormSchema schema, String what, VariableMap submitted, VariableScope scope) {
    Set<String> undeclared = new TreeSet<>(submitted.keySet());
    undeclared.removeAll(schema.variables());
    if (!undeclared.isEmpty() && isPersonButNoAdministrator()) {
      throw new FormFieldValidationException(undeclared.stream()
          .map(field -> new InvalidParam(field, "is no field of the form; only its fields may be submitted")).toList(),
          (schema == FormSchema.NONE ? what + " has no form, so it" : "form '" + schema.formId() + "' of " + what)
              + " has no field " + ApiException.quoted(undeclared) + "; only the fields of the form may be submitted");
    }
    List<FormSchema.Problem> problems = schema.problems(
        field -> submitted.containsKey(field) ? submitted.get(field) : scope.getVariable(field));
    if (!problems.isEmpty()) {
      throw new FormFieldValidationException(problems.stream().map(FormSchema.Problem::invalidParam).toList(),
          "form '" + schema.formId() + "' of " + what + " is not filled in correctly: "
              + problems.stream().map(FormSchema.Problem::toString).collect(Collectors.joining("; ")));
    }
  }

  private static boolean isPersonButNoAdministrator() {
    Authentication person = Context.getCommandContext().getAuthentication();
    return person != null && person.getUserId() != null && !TaskRules.isAdministrator(person);
  }

  /** The deployed form, read as the engine: whoever submits has already been let at the task or definition. */
  private static Supplier<InputStream> asEngine(Supplier<InputStream> deployedForm) {
    return () -> Context.getCommandContext().runWithoutAuthorization(deployedForm::get);
  }

  private static FormService formService() {
    return Context.getProcessEngineConfiguration().getFormService();
  }

  /** An engine form handler, with the check before the variables are taken. */
  private abstract static class CheckingFormHandler<H extends FormHandler> implements FormHandler {

    final H engineHandler;
    /** False where the element has no form: nothing may be submitted then. */
    final boolean hasForm;

    CheckingFormHandler(H engineHandler, boolean hasForm) {
      this.engineHandler = engineHandler;
      this.hasForm = hasForm;
    }

    /** Refuses the submission to this scope unless it fills in the form correctly. */
    abstract void checkSubmission(VariableMap submitted, VariableScope scope);

    @Override
    public void parseConfiguration(Element element, DeploymentEntity deployment, ProcessDefinitionEntity definition,
        BpmnParse parse) {
      engineHandler.parseConfiguration(element, deployment, definition, parse);
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope scope) {
      checkSubmission(properties, scope);
      engineHandler.submitFormVariables(properties, scope);
    }
  }

  private final class CheckingTaskFormHandler extends CheckingFormHandler<TaskFormHandler>
      implements TaskFormHandler {

    CheckingTaskFormHandler(TaskFormHandler engineHandler, boolean hasForm) {
      super(engineHandler, hasForm);
    }

    @Override
    public TaskFormData createTaskForm(TaskEntity task) {
      return engineHandler.createTaskForm(task);
    }

    @Override
    void checkSubmission(VariableMap submitted, VariableScope scope) {
      TaskEntity task = (TaskEntity) scope;
      FormSchema schema = hasForm ? schemas.ofTask(task.getProcessDefinitionId(), task.getTaskDefinitionKey(),
          asEngine(() -> formService().getDeployedTaskForm(task.getId()))) : FormSchema.NONE;
      check(schema, "task '" + task.getName() + "'", submitted, task);
    }
  }

  private final class CheckingStartFormHandler extends CheckingFormHandler<StartFormHandler>
      implements StartFormHandler {

    CheckingStartFormHandler(StartFormHandler engineHandler, boolean hasForm) {
      super(engineHandler, hasForm);
    }

    @Override
    public StartFormData createStartFormData(ProcessDefinitionEntity definition) {
      return engineHandler.createStartFormData(definition);
    }

    @Override
    void checkSubmission(VariableMap submitted, VariableScope scope) {
      ExecutionEntity instance = (ExecutionEntity) scope;
      String definitionId = instance.getProcessDefinitionId();
      FormSchema schema = hasForm ? schemas.ofStart(definitionId,
          asEngine(() -> formService().getDeployedStartForm(definitionId))) : FormSchema.NONE;
      check(schema, "process '" + instance.getProcessDefinition().getName() + "'", submitted, instance);
    }
  }
}
