package io.opsflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.springframework.stereotype.Component;

/**
 * Tests only: lets camunda-process-test-coverage see every flow node and sequence flow the engine
 * runs (it must be in the engine before the models are parsed). Found by component scanning, so
 * the one shared test context has it; each process test class collects and reports its coverage.
 */
@Component
class ProcessTestCoverage extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
  }
}
