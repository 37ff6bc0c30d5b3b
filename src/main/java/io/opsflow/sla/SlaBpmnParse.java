package io.opsflow.sla;

import io.opsflow.platform.WorkingCalendar;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.core.variable.mapping.value.ParameterValueProvider;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationType;
import org.camunda.bpm.engine.impl.jobexecutor.TimerEventJobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The engine's BPMN parse, with the SLA ladder built into every user task that has an SLA
 * ({@link TaskSla}, from the element template "SLA'd user task"): two timeout listeners on the task
 * itself, Camunda's timers on a task, the reminder at the due date and the escalation a grace
 * period later ({@link SlaDeadline}). They are the engine's timer jobs (Cockpit shows them on the
 * task), they fire once, and completing the task removes them. Nothing is drawn.
 *
 * <p>Refuses, naming the element, a due date or follow-up date that does not parse and an SLA that
 * cannot work.
 */
class SlaBpmnParse extends BpmnParse {

  private final WorkingCalendar calendar;
  private final ObjectProvider<SlaLadder> ladder;

  SlaBpmnParse(BpmnParser parser, WorkingCalendar calendar, ObjectProvider<SlaLadder> ladder) {
    super(parser);
    this.calendar = calendar;
    this.ladder = ladder;
  }

  @Override
  public ActivityImpl parseUserTask(Element userTask, ScopeImpl scope) {
    requireParsable(userTask, "dueDate");
    requireParsable(userTask, "followUpDate");
    Optional<TaskSla> sla = TaskSla.of(userTask);
    ActivityImpl activity = super.parseUserTask(userTask, scope);
    sla.ifPresent(taskSla -> addLadder(activity, taskSla));
    return activity;
  }

  private void requireParsable(Element userTask, String attribute) {
    String text = userTask.attributeNS(CAMUNDA_BPMN_EXTENSIONS_NS, attribute);
    if (text == null) {
      return;
    }
    try {
      expressionManager.createExpression(text);
    } catch (RuntimeException e) {
      throw new BpmnParseException("camunda:" + attribute + " '" + text + "' does not parse: " + e.getMessage(),
          userTask);
    }
  }

  /** As the engine does for a drawn {@code <camunda:taskListener event="timeout">}: the task becomes a scope with its timers. */
  private void addLadder(ActivityImpl activity, TaskSla sla) {
    TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
    activity.setScope(true);
    activity.setEventScope(activity);
    Expression due = task.getDueDateExpression();
    addStep(activity, task, SlaStep.REMINDER, SlaDeadline.reminder(due, calendar), sla);
    addStep(activity, task, SlaStep.ESCALATION,
        SlaDeadline.escalation(due, sla.gracePeriod(), calendar), sla);
  }

  private void addStep(ActivityImpl activity, TaskDefinition task, SlaStep step, SlaDeadline deadline,
      TaskSla sla) {
    TimerDeclarationImpl timer = new TimerDeclarationImpl(deadline, TimerDeclarationType.DATE,
        TimerTaskListenerJobHandler.TYPE);
    timer.setRawJobHandlerConfiguration(activity.getId() + TimerEventJobHandler.JOB_HANDLER_CONFIG_PROPERTY_DELIMITER
        + TimerEventJobHandler.JOB_HANDLER_CONFIG_TASK_LISTENER_PREFIX + step.listenerId());
    timer.setActivity(activity);
    timer.setJobConfiguration(TimerDeclarationType.DATE + ": " + deadline.getExpressionText());
    timer.setJobPriorityProvider((ParameterValueProvider) activity.getProperty(PROPERTYNAME_JOB_PRIORITY));
    addJobDeclarationToProcessDefinition(timer, (ProcessDefinition) activity.getProcessDefinition());
    addTimerListenerDeclaration(step.listenerId(), activity, timer);
    task.addTimeoutTaskListener(step.listenerId(), new SlaStepListener(step, sla.escalationCode(), ladder));
  }

  /**
   * As the engine does, for the template's steps and for drawn timeout listeners alike, in a map that a
   * migration cannot empty ({@link TimeoutListenerDeclarations}).
   */
  @Override
  protected void addTimerListenerDeclaration(String listenerId, ScopeImpl scope, TimerDeclarationImpl timer) {
    Map<String, TimerDeclarationImpl> declarations = TimerDeclarationImpl.getTimeoutListenerDeclarationsForScope(scope)
        .get(timer.getActivityId());
    if (declarations == null) {
      declarations = new TimeoutListenerDeclarations();
      scope.getProperties().putMapEntry(BpmnProperties.TIMEOUT_LISTENER_DECLARATIONS, timer.getActivityId(),
          declarations);
    }
    declarations.put(listenerId, timer);
  }
}
