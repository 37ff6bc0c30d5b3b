package io.opsflow.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Expression;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * What a BPMN model needs so that it works at runtime, checked before the engine accepts it:
 * time-to-live on executable processes, someone to do every user task, forms that exist,
 * timers that parse. The engine itself only finds most of these when a user opens the task or
 * the timer is due.
 */
public final class DeployableModelRules {

  private DeployableModelRules() {}

  /**
   * @param formExists whether a form id can be resolved for the given binding
   *     ({@code deployment}, {@code latest} or {@code version})
   */
  public static List<ModelProblem> check(String resource, BpmnModelInstance model, FormLookup formExists) {
    List<ModelProblem> problems = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
        problems.add(ModelProblem.of(resource, process.getId(),
            "executable process has no camunda:historyTimeToLive"));
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (task.getCamundaAssignee() == null && task.getCamundaCandidateGroups() == null
          && task.getCamundaCandidateUsers() == null) {
        problems.add(ModelProblem.of(resource, task.getId(),
            "user task has neither an assignee nor a candidate group or user"));
      }
      checkFormRef(resource, task, task.getCamundaFormRef(), task.getCamundaFormRefBinding(), formExists, problems);
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      checkFormRef(resource, start, start.getCamundaFormRef(), start.getCamundaFormRefBinding(), formExists, problems);
    }
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      checkTimer(resource, timer, problems);
    }
    return problems;
  }

  /** Whether a form with this id can be found under this binding. */
  @FunctionalInterface
  public interface FormLookup {
    boolean exists(String formId, String binding);

    static FormLookup inDeployment(Collection<String> formIds) {
      return (id, binding) -> formIds.contains(id);
    }

    default FormLookup or(Predicate<String> deployedEarlier) {
      return (id, binding) -> exists(id, binding) || (!"deployment".equals(binding) && deployedEarlier.test(id));
    }
  }

  private static void checkFormRef(String resource, BaseElement element, String formRef, String binding,
      FormLookup forms, List<ModelProblem> problems) {
    if (formRef == null) {
      return;
    }
    if (binding == null) {
      problems.add(ModelProblem.of(resource, element.getId(),
          "camunda:formRef '" + formRef + "' needs camunda:formRefBinding (deployment, latest or version)"));
    } else if (!ModelFiles.isExpression(formRef) && !forms.exists(formRef, binding)) {
      problems.add(ModelProblem.of(resource, element.getId(), "camunda:formRef '" + formRef
          + "' names no form " + ("deployment".equals(binding) ? "in this deployment" : "that is deployed")));
    }
  }

  private static void checkTimer(String resource, TimerEventDefinition timer, List<ModelProblem> problems) {
    String owner = ((BaseElement) timer.getParentElement()).getId();
    check(resource, owner, "timeDate", timer.getTimeDate(), new DueDateBusinessCalendar(), problems);
    check(resource, owner, "timeDuration", timer.getTimeDuration(), new DueDateBusinessCalendar(), problems);
    check(resource, owner, "timeCycle", timer.getTimeCycle(), new CycleBusinessCalendar(), problems);
    if (timer.getTimeDate() == null && timer.getTimeDuration() == null && timer.getTimeCycle() == null) {
      problems.add(ModelProblem.of(resource, owner, "timer has no timeDate, timeDuration or timeCycle"));
    }
  }

  private static void check(String resource, String owner, String kind, ModelElementInstance expression,
      BusinessCalendar calendar, List<ModelProblem> problems) {
    if (expression == null) {
      return;
    }
    String text = ((Expression) expression).getTextContent().strip();
    if (text.isEmpty()) {
      problems.add(ModelProblem.of(resource, owner, "timer " + kind + " is empty"));
      return;
    }
    if (ModelFiles.isExpression(text)) {
      return;
    }
    if (calendar instanceof CycleBusinessCalendar && WorkingCycle.isWorkingCycle(text)) {
      try {
        WorkingCycle.parse(text);
      } catch (IllegalArgumentException e) {
        problems.add(ModelProblem.of(resource, owner, "timer " + kind + " " + e.getMessage()));
      }
      return;
    }
    try {
      calendar.resolveDuedate(text);
    } catch (RuntimeException e) {
      problems.add(ModelProblem.of(resource, owner, "timer " + kind + " '" + text + "' does not parse"));
    }
  }
}
