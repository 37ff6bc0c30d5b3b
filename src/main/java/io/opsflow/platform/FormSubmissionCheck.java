package io.opsflow.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
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
 * in the browser. A bad submission is refused (HTTP 400 naming the fields) and the task stays
 * open. Completing a task without its form ({@code complete}) is not a form submission.
 */
class FormSubmissionCheck extends AbstractBpmnParseListener {

  private final Map<String, FormSchema> schemas = new ConcurrentHashMap<>();

  @Override
  public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior
        && behavior.getTaskDefinition().getCamundaFormDefinitionKey() != null) {
      TaskDefinition definition = behavior.getTaskDefinition();
      definition.setTaskFormHandler(new CheckingFormHandler(definition.getTaskFormHandler()));
    }
  }

  private void check(TaskEntity task, VariableMap submitted) {
    FormSchema schema = schemas.computeIfAbsent(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
        key -> load(task.getId()));
    List<String> problems = schema.problems(
        field -> submitted.containsKey(field) ? submitted.get(field) : task.getVariable(field));
    if (!problems.isEmpty()) {
      throw new FormFieldValidationException(problems, "form '" + schema.formId() + "' of task '" + task.getName()
          + "' is not filled in correctly: " + String.join("; ", problems));
    }
  }

  private static FormSchema load(String taskId) {
    return Context.getCommandContext().runWithoutAuthorization(() -> {
      try (InputStream form = Context.getProcessEngineConfiguration().getFormService().getDeployedTaskForm(taskId)) {
        return FormSchema.parse(form);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The engine's form handler, with the check before the variables are taken. */
  private final class CheckingFormHandler implements TaskFormHandler {

    private final TaskFormHandler engineHandler;

    CheckingFormHandler(TaskFormHandler engineHandler) {
      this.engineHandler = engineHandler;
    }

    @Override
    public TaskFormData createTaskForm(TaskEntity task) {
      return engineHandler.createTaskForm(task);
    }

    @Override
    public void parseConfiguration(Element element, DeploymentEntity deployment, ProcessDefinitionEntity definition,
        BpmnParse parse) {
      engineHandler.parseConfiguration(element, deployment, definition, parse);
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope scope) {
      check((TaskEntity) scope, properties);
      engineHandler.submitFormVariables(properties, scope);
    }
  }
}
