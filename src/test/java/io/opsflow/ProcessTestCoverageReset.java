package io.opsflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.community.process_test_coverage.core.model.Collector;
import org.camunda.community.process_test_coverage.engine.platform7.CompensationEventCoverageHandler;
import org.camunda.community.process_test_coverage.engine.platform7.ElementCoverageParseListener;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Before every Spring test class (registered in {@code META-INF/spring.factories}): the engine
 * drops process coverage events again. Without it, a class after a process test class would fail
 * on the coverage library's finished collector ("No active run available"). For a process test
 * class, the library's own listener runs after this one and collects the events.
 */
public class ProcessTestCoverageReset implements TestExecutionListener, Ordered {

  private static final Collector DROP_EVENTS = event -> { };

  @Override
  public void beforeTestClass(TestContext testContext) {
    ProcessEngine engine = testContext.getApplicationContext().getBean(ProcessEngine.class);
    dropEvents((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration());
  }

  /** Before the library's listener, which has the lowest precedence. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE - 1;
  }

  static void dropEvents(ProcessEngineConfigurationImpl configuration) {
    configuration.getCustomPostBPMNParseListeners().stream()
        .filter(ElementCoverageParseListener.class::isInstance)
        .forEach(listener -> ((ElementCoverageParseListener) listener).setCoverageState(DROP_EVENTS));
    if (configuration.getEventHandler("compensate") instanceof CompensationEventCoverageHandler handler) {
      handler.setCoverageState(DROP_EVENTS);
    }
  }
}
