package io.opsflow.onboarding;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Event;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.camunda.community.process_test_coverage.core.model.Run;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.engine.platform7.ExecutionContextModelProvider;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
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
 * Register it after the Spring extension (any {@code static} field is), so the shared engine exists.
 */
final class ProcessCoverage implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

  static final String REPORT_DIRECTORY = "target/process-test-coverage";

  private final String processKey;
  private final double minimum;
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
    ProcessEngine engine = SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
    collector = new DefaultCollector(new ExecutionContextModelProvider());
    suite = collector.createSuite(new Suite(context.getRequiredTestClass().getName(),
        context.getRequiredTestClass().getSimpleName()));
    collector.activateSuite(suite.getId());
    new ProcessEngineAdapter(engine, collector).initializeListeners();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Run run = collector.createRun(new Run(context.getUniqueId(), context.getRequiredTestMethod().getName()),
        suite.getId());
    collector.activateRun(run.getId());
  }

  @Override
  public void afterAll(ExtensionContext context) {
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

  private Set<String> neverRun(Model model) {
    BpmnModelInstance bpmn = Bpmn.readModelFromStream(
        new ByteArrayInputStream(model.getXml().getBytes(StandardCharsets.UTF_8)));
    Set<String> elements = new TreeSet<>();
    bpmn.getModelElementsByType(FlowNode.class).forEach(node -> elements.add(node.getId()));
    bpmn.getModelElementsByType(SequenceFlow.class).forEach(flow -> elements.add(flow.getId()));
    suite.getEventsDistinct(model.getKey()).stream().map(Event::getDefinitionKey).forEach(elements::remove);
    return elements;
  }
}
