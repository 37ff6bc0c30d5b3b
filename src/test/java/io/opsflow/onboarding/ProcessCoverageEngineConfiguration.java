package io.opsflow.onboarding;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.community.process_test_coverage.engine.platform7.ElementCoverageParseListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets {@link ProcessCoverage} measure processes in the one shared test context: every process
 * the test engine parses reports its flow nodes and sequence flows to camunda-process-test-coverage's
 * parse listener, which passes them on only while a test class with {@code ProcessCoverage} runs.
 * Component scanning picks this up for every {@code @OpsflowSpringTest}, so they keep sharing one
 * context. The listener sits among the pre-parse listeners, where the library's own Spring test
 * listener does not look: that one would collect for every test class, reading models as the
 * logged-in user, which engine authorization refuses.
 */
@Configuration
class ProcessCoverageEngineConfiguration {

  @Bean
  ProcessEnginePlugin processCoverageParseListener() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        ElementCoverageParseListener listener = new ElementCoverageParseListener();
        listener.setCoverageState(ProcessCoverage.NOBODY);
        if (configuration.getCustomPreBPMNParseListeners() == null) {
          configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(listener);
      }
    };
  }
}
