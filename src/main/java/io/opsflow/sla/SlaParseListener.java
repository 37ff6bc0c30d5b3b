package io.opsflow.sla;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Runs over every deployed BPMN model: gives every user task the {@link TaskArrivalListener}
 * (new-task mails, substitutes), with nothing to draw; and refuses {@code sla.*} calls with
 * impossible arguments in due dates, follow-up dates and timers.
 */
class SlaParseListener extends AbstractBpmnParseListener {

  private static final String[] TIMER_FIELDS = {"timeDate", "timeDuration", "timeCycle"};

  private final TaskListener taskArrival;

  SlaParseListener(TaskListener taskArrival) {
    this.taskArrival = taskArrival;
  }

  @Override
  public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
    check(userTask, "camunda:dueDate", userTask.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "dueDate"));
    check(userTask, "camunda:followUpDate", userTask.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "followUpDate"));
    TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, taskArrival);
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, taskArrival);
  }

  @Override
  public void parseBoundaryTimerEventDefinition(Element timer, boolean interrupting, ActivityImpl activity) {
    checkTimer(timer);
  }

  @Override
  public void parseIntermediateTimerEventDefinition(Element timer, ActivityImpl activity) {
    checkTimer(timer);
  }

  @Override
  public void parseStartEvent(Element startEvent, ScopeImpl scope, ActivityImpl activity) {
    Element timer = startEvent.element("timerEventDefinition");
    if (timer != null) {
      checkTimer(timer);
    }
  }

  private static void checkTimer(Element timer) {
    for (String field : TIMER_FIELDS) {
      Element value = timer.element(field);
      if (value != null) {
        check(value, field, value.getText());
      }
    }
  }

  private static void check(Element element, String property, String expression) {
    SlaExpressions.problemIn(expression).ifPresent(problem -> {
      throw new BpmnParseException(property + " " + problem, element);
    });
  }
}
