package io.opsflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.community.process_test_coverage.core.engine.ModelProvider;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Event;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.camunda.community.process_test_coverage.core.model.Run;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.report.CoverageReportUtil;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Process test coverage of one BPMN model for one Spring test class: collects what the class's
 * tests run (one run per test method), writes the HTML and JSON report to
 * {@code target/process-test-coverage/<class>/} and fails the class below the required share of
 * flow nodes and sequence flows, naming what was not covered.
 * <pre>
 * &#64;RegisterExtension
 * static final ProcessCoverage coverage = ProcessCoverage.of("Process_ChangeRollout").atLeast(1.0);
 * </pre>
 */
public final class ProcessCoverage implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

  private final String processKey;
  private final double required;
  private DefaultCollector collector;

  private ProcessCoverage(String processKey, double required) {
    this.processKey = processKey;
    this.required = required;
  }

  public static ProcessCoverage of(String processKey) {
    return new ProcessCoverage(processKey, 1.0);
  }

  public ProcessCoverage atLeast(double share) {
    return new ProcessCoverage(processKey, share);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    String suite = context.getRequiredTestClass().getName();
    collector = new DefaultCollector(new UncheckedModelProvider());
    collector.createSuite(new Suite(suite, context.getRequiredTestClass().getSimpleName()));
    collector.activateSuite(suite);
    ProcessTestCoverage.collectInto(collector);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    String run = context.getRequiredTestMethod().getName();
    collector.createRun(new Run(run, run), collector.getActiveSuite().getId());
    collector.activateRun(run);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ProcessTestCoverage.collectInto(ProcessTestCoverage.IGNORED);
    CoverageReportUtil.createReport(collector, null);
    CoverageReportUtil.createJsonReport(collector, null);
    Model model = collector.getModels().stream().filter(m -> m.getKey().equals(processKey)).findFirst()
        .orElseThrow(() -> new AssertionError(processKey + " never ran in " + context.getDisplayName()));
    assertThat(collector.getActiveSuite().calculateCoverage(model))
        .as("coverage of %s (report in target/process-test-coverage); not covered: %s", processKey, uncovered(model))
        .isGreaterThanOrEqualTo(required);
  }

  private List<String> uncovered(Model model) {
    Set<String> covered = collector.getActiveSuite().getEventsDistinct(model.getKey()).stream()
        .map(Event::getDefinitionKey).collect(Collectors.toSet());
    BpmnModelInstance bpmn = Bpmn.readModelFromStream(new ByteArrayInputStream(model.getXml().getBytes(StandardCharsets.UTF_8)));
    return Stream.concat(bpmn.getModelElementsByType(FlowNode.class).stream(),
            bpmn.getModelElementsByType(SequenceFlow.class).stream())
        .map(BaseElement::getId).filter(id -> !covered.contains(id)).sorted().toList();
  }

  /** Looks the model up inside the running command, without the logged-in user's authorization. */
  private static final class UncheckedModelProvider implements ModelProvider {

    @Override
    public Model getModel(String key) {
      var commandContext = Context.getCommandContext();
      return commandContext.runWithoutAuthorization(() -> {
        var repository = commandContext.getProcessEngineConfiguration().getRepositoryService();
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
            .latestVersion().singleResult();
        BpmnModelInstance bpmn = repository.getBpmnModelInstance(definition.getId());
        long elements = Stream.of(FlowNode.class, SequenceFlow.class)
            .mapToLong(type -> bpmn.getModelElementsByType(type).size()).sum();
        return new Model(key, (int) elements, String.valueOf(definition.getVersion()), Bpmn.convertToString(bpmn));
      });
    }
  }
}
