package io.opsflow.onboarding;

import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Installs camunda-process-test-coverage's engine plugin (it watches every flow node and sequence
 * flow) in the one shared test context. Component scanning picks it up for every
 * {@code @OpsflowSpringTest}, so all test classes keep sharing one context. It belongs next to
 * {@code OpsflowSpringTest} for every process; until the platform has it, it lives here.
 */
@Configuration
@Import(ProcessEngineCoverageConfiguration.class)
class ProcessCoverageEngineConfiguration {}
