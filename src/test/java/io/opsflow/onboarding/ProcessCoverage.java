package io.opsflow.onboarding;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.community.process_test_coverage.core.model.Collector;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Event;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.camunda.community.process_test_coverage.core.model.Run;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.engine.platform7.ElementCoverageParseListener;
import org.camunda.community.process_test_coverage.report.CoverageReportUtil;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Flow-node and sequence-flow coverage of one process over a Spring test class, measured with
 * camunda-process-test-coverage: collects while the class runs (one run per test method), writes
 * the HTML and JSON report to {@value #REPORT_DIRECTORY}{@code /<test class>/} and fails the class
 * when the process is covered less than required, naming the elements no test ran.
 * <pre>
 * &#64;RegisterExtension
 * static final ProcessCoverage coverage = ProcessCoverage.of("Process_EmployeeOnboarding").atLeast(1.0);
 * </pre>
 * The engine reports to it through {@link ProcessCoverageEngineConfiguration}'s parse listener;
 * models are read from the engine's deployment cache, where engine authorization does not apply.
 */
final class ProcessCoverage implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

  static final String REPORT_DIRECTORY = "target/process-test-coverage";
  /** Where the parse listener reports while no test class collects. */
  static final Collector NOBODY = event -> {};

  private final String processKey;
  private final double minimum;
  private ElementCoverageParseListener listener;
  private DefaultCollector collector;
  private Suite suite;

  private ProcessCoverage(String processKey, double minimum) {
    this.processKey = processKey;
    this.minimum = minimum;
  }

  static ProcessCoverage of(String processKey) {
    return new ProcessCoverage(processKey, 0);
  }

  /** The share of flow nodes and sequence flows (0 to 1) the test class must run. */
  ProcessCoverage atLeast(double share) {
    return new ProcessCoverage(processKey, share);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) SpringExtension
        .getApplicationContext(context).getBean(ProcessEngine.class).getProcessEngineConfiguration();
    listener = engine.getCustomPreBPMNParseListeners().stream().filter(ElementCoverageParseListener.class::isInstance)
        .map(ElementCoverageParseListener.class::cast).findFirst()
        .orElseThrow(() -> new IllegalStateException("the test engine has no coverage parse listener"));
    collector = new DefaultCollector(ProcessCoverage::deployedModel);
    suite = collector.createSuite(new Suite(context.getRequiredTestClass().getName(),
        context.getRequiredTestClass().getSimpleName()));
    collector.activateSuite(suite.getId());
    listener.setCoverageState(collector);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Run run = collector.createRun(new Run(context.getUniqueId(), context.getRequiredTestMethod().getName()),
        suite.getId());
    collector.activateRun(run.getId());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    listener.setCoverageState(NOBODY);
    CoverageReportUtil.createReport(collector, REPORT_DIRECTORY);
    CoverageReportUtil.createJsonReport(collector, REPORT_DIRECTORY);
    Model model = collector.getModels().stream().filter(m -> m.getKey().equals(processKey)).findFirst()
        .orElseThrow(() -> new AssertionError(processKey + " was never started by " + suite.getName()));
    double covered = suite.calculateCoverage(model);
    if (covered < minimum) {
      throw new AssertionError(String.format("%s covers %.1f%% of the flow nodes and sequence flows of %s, "
          + "at least %.1f%% are required; never run: %s", suite.getName(), covered * 100, processKey, minimum * 100,
          neverRun(model)));
    }
  }

  /** The deployed model of a process, from the engine's cache (inside the engine's command). */
  private static Model deployedModel(String processKey) {
    DeploymentCache cache = Context.getProcessEngineConfiguration().getDeploymentCache();
    ProcessDefinitionEntity definition = cache.findDeployedLatestProcessDefinitionByKey(processKey);
    BpmnModelInstance bpmn = cache.findBpmnModelInstanceForProcessDefinition(definition.getId());
    return new Model(processKey, elementIds(bpmn).size(), String.valueOf(definition.getVersion()),
        Bpmn.convertToString(bpmn));
  }

  private Set<String> neverRun(Model model) {
    Set<String> elements = elementIds(Bpmn.readModelFromStream(
        new ByteArrayInputStream(model.getXml().getBytes(StandardCharsets.UTF_8))));
    suite.getEventsDistinct(model.getKey()).stream().map(Event::getDefinitionKey).forEach(elements::remove);
    return elements;
  }

  private static Set<String> elementIds(BpmnModelInstance bpmn) {
    Set<String> ids = new TreeSet<>();
    bpmn.getModelElementsByType(FlowNode.class).forEach(node -> ids.add(node.getId()));
    bpmn.getModelElementsByType(SequenceFlow.class).forEach(flow -> ids.add(flow.getId()));
    return ids;
  }
}
