package io.opsflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.community.process_test_coverage.core.model.Collector;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tests only, found by component scanning so that the one shared test context has it:
 * camunda-process-test-coverage sees every flow node and sequence flow the engine runs (its parse
 * listener must be in the engine before the models are parsed). Process test classes collect,
 * report and check their coverage with {@link ProcessCoverage}.
 */
@Configuration
class ProcessTestCoverage {

  /** Where the engine's coverage events go while no test class collects them: nowhere. */
  static final Collector IGNORED = event -> { };

  @Bean
  ProcessEnginePlugin processCoverageParseListener() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
      }

      @Override
      public void postProcessEngineBuild(ProcessEngine engine) {
        new ProcessEngineAdapter(engine, IGNORED).initializeListeners();
      }
    };
  }

  /**
   * Keeps the library's own Spring test listener (registered for every test class) from
   * collecting: it looks models up with the logged-in user's rights, which fails under our engine
   * authorization as soon as a test acts as a user. No class name matches this pattern.
   */
  @Bean
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    return ProcessEngineCoverageProperties.builder()
        .addInclusionPatternForTestClasses("none; process test classes use io.opsflow.ProcessCoverage").build();
  }
}
