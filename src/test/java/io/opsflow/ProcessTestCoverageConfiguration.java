package io.opsflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Process test coverage (camunda-process-test-coverage) in the one shared test context. The
 * library's test execution listener is on for every Spring test class, but measures only the
 * process test classes, named {@code <Process>ProcessTest}: each fails below 100% of the flow
 * nodes and sequence flows of the processes it ran, and leaves its report in
 * {@code target/process-test-coverage/<test class>/}. Other classes' coverage events are dropped
 * ({@link ProcessTestCoverageReset}).
 */
@Configuration(proxyBeanMethods = false)
class ProcessTestCoverageConfiguration {

  static final String PROCESS_TEST_CLASSES = "*ProcessTest";
  static final double REQUIRED_COVERAGE = 1.0;

  @Bean
  ProcessEnginePlugin processTestCoveragePlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
        configuration.getCustomPostBPMNParseListeners().add(new CoverageWithoutAuthorization());
      }

      @Override
      public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessTestCoverageReset.dropEvents((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration());
      }
    };
  }

  @Bean
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    return ProcessEngineCoverageProperties.builder().addInclusionPatternForTestClasses(PROCESS_TEST_CLASSES)
        .assertClassCoverageAtLeast(REQUIRED_COVERAGE).build();
  }
}
