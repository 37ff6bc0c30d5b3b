package io.opsflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;

/**
 * The end of the suite: every model in {@code processes/} was measured by this build's tests.
 * Each process of a BPMN file ran every flow node and sequence flow in a {@code *ProcessTest}
 * class; each rule of a DMN decision table was hit in a {@code *DecisionTest} class. Not a
 * {@code *Test}: the surefire execution {@code every-model-measured} in pom.xml runs it after all
 * other tests, in {@code ./mvnw test} and {@code verify} (not when {@code -Dtest} picks tests). It
 * writes the sum of all test classes to {@code target/model-coverage.txt}.
 */
class EveryModelMeasured {

  static final Path MODELS = Path.of("processes");
  static final Path SUMMARY = Path.of("target", "model-coverage.txt");
  /** Set by pom.xml to the start of the build: older reports are an earlier build's. */
  static final String BUILD_STARTED = "opsflow.build.started";

  private final List<String> summary = new ArrayList<>();
  private final List<String> unmeasured = new ArrayList<>();

  @Test
  void everyModelInProcessesIsMeasured() throws IOException {
    CoverageReports reports = CoverageReports.writtenSince(buildStarted());
    for (Path model : models()) {
      if (model.toString().endsWith(".bpmn")) {
        checkProcesses(model, reports);
      } else {
        checkDecisions(model, reports);
      }
    }
    Files.write(SUMMARY, summary);

    assertThat(unmeasured).as("models in %s not measured by the tests (all models: %s)", MODELS, SUMMARY).isEmpty();
  }

  private void checkProcesses(Path file, CoverageReports reports) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    for (Process process : model.getModelElementsByType(Process.class)) {
      Set<String> elements = elementsOf(model, process);
      Set<String> run = reports.elementsRun(process.getId());
      if (run == null) {
        unmeasured.add(file + ": no process test ran process " + process.getId() + ". Add a test class "
            + testClassName(file, "ProcessTest") + " (@OpsflowSpringTest, see ProcessTestCoverageConfiguration) "
            + "that runs each of its " + elements.size() + " flow nodes and sequence flows");
        summary.add(file + "\t" + process.getId() + "\tnot run");
        continue;
      }
      Set<String> notRun = new TreeSet<>(elements);
      notRun.removeAll(run);
      if (!notRun.isEmpty()) {
        unmeasured.add(file + ": process " + process.getId() + " has flow nodes and sequence flows that no "
            + "*ProcessTest ran: " + notRun + ". Add tests that take these paths");
      }
      summary.add(file + "\t" + process.getId() + "\t" + (elements.size() - notRun.size()) + "/" + elements.size()
          + " flow nodes and sequence flows run");
    }
  }

  private void checkDecisions(Path file, CoverageReports reports) {
    for (Decision decision : Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class)) {
      if (!(decision.getExpression() instanceof DecisionTable table)) {
        continue;
      }
      Map<String, Integer> hits = reports.ruleHits(decision.getId());
      if (hits == null) {
        unmeasured.add(file + ": no decision test evaluated decision " + decision.getId() + ". Add a test class "
            + testClassName(file, "DecisionTest") + " with @RegisterExtension static DecisionRuleCoverage, "
            + "its listener() on the DMN engine, and a case for each of its " + table.getRules().size() + " rules");
        summary.add(file + "\t" + decision.getId() + "\tnot evaluated");
        continue;
      }
      List<String> neverHit = new ArrayList<>();
      for (Rule rule : table.getRules()) {
        int count = hits.getOrDefault(rule.getId(), 0);
        summary.add(file + "\t" + decision.getId() + "\t" + rule.getId() + "\t" + count + " hits");
        if (count == 0) {
          neverHit.add(rule.getId());
        }
      }
      if (!neverHit.isEmpty()) {
        unmeasured.add(file + ": decision " + decision.getId() + " has rules that no *DecisionTest hit: " + neverHit
            + ". Add a case for each");
      }
    }
  }

  /** The flow nodes of the process (in sub-processes too) and the sequence flows between them. */
  private static Set<String> elementsOf(BpmnModelInstance model, Process process) {
    Set<String> elements = new TreeSet<>();
    model.getModelElementsByType(FlowNode.class).stream().filter(node -> processOf(node) == process)
        .forEach(node -> elements.add(node.getId()));
    model.getModelElementsByType(SequenceFlow.class).stream().filter(flow -> processOf(flow) == process)
        .forEach(flow -> elements.add(flow.getId()));
    return elements;
  }

  private static ModelElementInstance processOf(ModelElementInstance element) {
    ModelElementInstance parent = element.getParentElement();
    return parent == null || parent instanceof Process ? parent : processOf(parent);
  }

  /** {@code processes/purchase-request.bpmn} -> {@code PurchaseRequestProcessTest}. */
  private static String testClassName(Path file, String suffix) {
    StringBuilder name = new StringBuilder();
    for (String word : file.getFileName().toString().replaceFirst("\\.\\w+$", "").split("-")) {
      name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return name + suffix;
  }

  private static List<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(MODELS)) {
      return files.filter(file -> file.toString().endsWith(".bpmn") || file.toString().endsWith(".dmn")).sorted().toList();
    }
  }

  private static Instant buildStarted() {
    String started = System.getProperty(BUILD_STARTED);
    return started == null || started.isBlank() ? Instant.EPOCH : Instant.parse(started);
  }
}
