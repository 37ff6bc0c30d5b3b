package io.opsflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the test classes of this build measured: the process test coverage library's
 * {@code target/process-test-coverage/<test class>/report.json} and {@link DecisionRuleCoverage}'s
 * {@code target/decision-rule-coverage/<test class>.tsv}. Reports written before {@code since}
 * (left by an earlier build, such as of a test class deleted since) are not read.
 */
final class CoverageReports {

  static final Path PROCESS_REPORTS = Path.of("target", "process-test-coverage");

  /** Process key, then the ids of the flow nodes and sequence flows a test ran. */
  private final Map<String, Set<String>> elementsRun = new HashMap<>();
  /** Decision key, then rule id, then hits. */
  private final Map<String, Map<String, Integer>> ruleHits = new HashMap<>();

  private CoverageReports() {}

  static CoverageReports writtenSince(Instant since) throws IOException {
    CoverageReports reports = new CoverageReports();
    for (Path report : fresh(PROCESS_REPORTS, "report.json", since)) {
      reports.readProcessReport(new ObjectMapper().readTree(report.toFile()));
    }
    for (Path report : fresh(DecisionRuleCoverage.REPORTS, DecisionRuleCoverage.REPORT_SUFFIX, since)) {
      Files.readAllLines(report).stream().map(line -> line.split("\t")).forEach(cells ->
          reports.ruleHits.computeIfAbsent(cells[0], decision -> new HashMap<>())
              .merge(cells[1], Integer.parseInt(cells[2]), Integer::sum));
    }
    return reports;
  }

  /** Null if no test class ran the process. */
  Set<String> elementsRun(String processKey) {
    return elementsRun.get(processKey);
  }

  /** Null if no decision test class evaluated the decision. */
  Map<String, Integer> ruleHits(String decisionKey) {
    return ruleHits.get(decisionKey);
  }

  private void readProcessReport(JsonNode report) {
    report.path("models").forEach(model -> elementsRun.computeIfAbsent(model.path("key").asText(), key -> new HashSet<>()));
    report.path("suites").forEach(suite -> suite.path("runs").forEach(run -> run.path("events").forEach(event ->
        elementsRun.computeIfAbsent(event.path("modelKey").asText(), key -> new HashSet<>())
            .add(event.path("definitionKey").asText()))));
  }

  private static List<Path> fresh(Path folder, String nameSuffix, Instant since) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(file -> file.getFileName().toString().endsWith(nameSuffix))
          .filter(file -> !modified(file).isBefore(since)).toList();
    }
  }

  private static Instant modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
