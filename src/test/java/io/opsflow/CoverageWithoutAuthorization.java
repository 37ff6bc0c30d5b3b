package io.opsflow;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateListener;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.model.CoreModelElement;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.PvmTransition;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Tests only, parsed after the coverage library's parse listener: runs the library's execution
 * listeners without the logged-in user's engine authorization. They look the process definition
 * up for every event, so any user who may not read that definition (an employee completing a task
 * of a process they cannot start) would otherwise get a 403 in every test of the shared context.
 */
final class CoverageWithoutAuthorization extends AbstractBpmnParseListener {

  private static final String COVERAGE_LIBRARY = "org.camunda.community.process_test_coverage.";

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    unchecked(processDefinition);
    wrapWithin(processDefinition);
  }

  private static void wrapWithin(ScopeImpl scope) {
    for (ActivityImpl activity : scope.getActivities()) {
      unchecked(activity);
      for (PvmTransition transition : activity.getOutgoingTransitions()) {
        unchecked((TransitionImpl) transition);
      }
      wrapWithin(activity);
    }
  }

  private static void unchecked(CoreModelElement element) {
    wrap(element.getListeners());
    wrap(element.getBuiltInListeners());
  }

  private static void wrap(Map<String, List<DelegateListener<? extends BaseDelegateExecution>>> listeners) {
    listeners.values().forEach(list -> list.replaceAll(listener ->
        listener.getClass().getName().startsWith(COVERAGE_LIBRARY) && listener instanceof ExecutionListener coverage
            ? (ExecutionListener) execution -> Context.getCommandContext().runWithoutAuthorization(() -> {
              coverage.notify(execution);
              return null;
            })
            : listener));
  }
}
