import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The account of a test run, from the JUnit XML reports of Surefire and Failsafe: how many tests
 * ran, failed and were skipped, and every skip with its reason. Exits 1 when nothing ran, or when
 * a test was skipped that the allow-list (first argument) does not name.
 * Usage: java .ci/TestReport.java ALLOWED_SKIPS REPORT_DIR...
 */
public class TestReport {

  record Skip(String test, String reason) {}

  public static void main(String[] args) throws Exception {
    List<String> allowed = Files.readAllLines(Path.of(args[0])).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> line.split("\\s+", 2)[0]).toList();
    int tests = 0;
    int failed = 0;
    List<Skip> skips = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      for (Path report : reports(Path.of(args[i]))) {
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile()).getDocumentElement();
        NodeList cases = suite.getElementsByTagName("testcase");
        for (int c = 0; c < cases.getLength(); c++) {
          Element testCase = (Element) cases.item(c);
          tests++;
          if (testCase.getElementsByTagName("failure").getLength() + testCase.getElementsByTagName("error").getLength() > 0) {
            failed++;
          }
          NodeList skipped = testCase.getElementsByTagName("skipped");
          if (skipped.getLength() > 0) {
            String message = ((Element) skipped.item(0)).getAttribute("message");
            skips.add(new Skip(testCase.getAttribute("classname") + "#" + testCase.getAttribute("name"),
                message.isBlank() ? "(no reason given)" : message));
          }
        }
      }
    }
    System.out.println("Test account: " + tests + " tests, " + failed + " failed, " + skips.size() + " skipped");
    List<Skip> unexpected = new ArrayList<>();
    for (Skip skip : skips) {
      boolean isAllowed = allowed.stream().anyMatch(entry -> skip.test().equals(entry)
          || entry.endsWith("#*") && skip.test().startsWith(entry.substring(0, entry.length() - 1)));
      System.out.println("  skipped " + skip.test() + ": " + skip.reason() + (isAllowed ? " (allowed)" : " (NOT ALLOWED)"));
      if (!isAllowed) {
        unexpected.add(skip);
      }
    }
    System.out.println((tests - failed - skips.size()) + " passed, " + failed + " failed, " + skips.size() + " skipped");
    if (tests == 0) {
      System.out.println("No test ran.");
      System.exit(1);
    }
    if (!unexpected.isEmpty()) {
      System.out.println(unexpected.size() + " test(s) skipped that .ci/allowed-skips does not allow.");
      System.exit(1);
    }
  }

  private static List<Path> reports(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
    }
  }
}
