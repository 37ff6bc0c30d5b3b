package io.opsflow;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.PvmTransition;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.community.process_test_coverage.core.model.Collector;
import org.camunda.community.process_test_coverage.core.model.Event;
import org.camunda.community.process_test_coverage.core.model.EventSource;
import org.camunda.community.process_test_coverage.core.model.EventType;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tests only, found by component scanning so that the one shared test context has it: every
 * flow node the engine starts or ends and every sequence flow it takes is reported to the
 * collector of the process test class that runs ({@link ProcessCoverage}), for
 * camunda-process-test-coverage's reports and thresholds.
 *
 * <p>The library's own parse listener looks each process definition up with the logged-in user's
 * rights, which fails under our engine authorization (a 403 for any user who may not read the
 * definition), so this one takes the key from the execution instead. For the same reason the
 * library's Spring test listener, registered for every test class, is kept from collecting.
 */
@Configuration
class ProcessTestCoverage {

  /** Where the events go while no test class collects them: nowhere. */
  static final Collector IGNORED = event -> { };
  private static volatile Collector collector = IGNORED;

  static void collectInto(Collector target) {
    collector = target;
  }

  @Bean
  ProcessEnginePlugin processCoverageListener() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
          configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new CoverageParseListener());
      }
    };
  }

  /** No test class name matches: the library's Spring listener stays idle. */
  @Bean
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    return ProcessEngineCoverageProperties.builder()
        .addInclusionPatternForTestClasses("none; process test classes use io.opsflow.ProcessCoverage").build();
  }

  private static final class CoverageParseListener extends AbstractBpmnParseListener {

    private static final ExecutionListener RECORD = execution -> {
      ExecutionEntity entity = (ExecutionEntity) execution;
      boolean take = ExecutionListener.EVENTNAME_TAKE.equals(execution.getEventName());
      String id = take ? execution.getCurrentTransitionId() : execution.getCurrentActivityId();
      if (id == null || id.contains("#")) { // multi-instance bodies are no model elements
        return;
      }
      collector.addEvent(new Event(take ? EventSource.SEQUENCE_FLOW : EventSource.FLOW_NODE,
          take ? EventType.TAKE : ExecutionListener.EVENTNAME_START.equals(execution.getEventName())
              ? EventType.START : EventType.END,
          id, take ? "sequenceFlow" : String.valueOf(entity.getActivity().getProperty("type")),
          entity.getProcessDefinition().getKey(), System.currentTimeMillis()));
    };

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
      listenTo(processDefinition);
    }

    private static void listenTo(ScopeImpl scope) {
      for (ActivityImpl activity : scope.getActivities()) {
        activity.addListener(ExecutionListener.EVENTNAME_START, RECORD);
        activity.addListener(ExecutionListener.EVENTNAME_END, RECORD);
        for (PvmTransition transition : activity.getOutgoingTransitions()) {
          ((TransitionImpl) transition).addListener(ExecutionListener.EVENTNAME_TAKE, RECORD);
        }
        listenTo(activity);
      }
    }
  }
}
