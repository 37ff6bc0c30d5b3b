package io.opsflow.versions;

import io.opsflow.platform.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The designers' mappings of renamed or moved steps, in a file next to the BPMN file:
 * {@code processes/order-fulfillment.migration.yml} for {@code order-fulfillment.bpmn}, read from
 * the processes folder or, where it has no such file, the copy of the folder in the jar:
 * <pre>
 * steps:
 *   Task_PackOrder: Task_PickAndPackOrder   # id in older versions: id in the newest version
 * </pre>
 * Steps with the same id in both versions need no line. See {@code docs/changing-a-process.md}.
 */
@Component
class StepMappings {

  static final String SUFFIX = ".migration.yml";

  private final String processesDir;

  StepMappings(@Value("${opsflow.deployment.processes-dir:processes}") String processesDir) {
    this.processesDir = processesDir;
  }

  /** The file name that holds the mappings of the process deployed from this resource. */
  static String fileFor(String bpmnResourceName) {
    String name = Path.of(bpmnResourceName).getFileName().toString();
    return name.replaceFirst("(\\.bpmn20\\.xml|\\.bpmn)$", "") + SUFFIX;
  }

  /** Old step id to new step id; empty when the process has no mapping file. */
  Map<String, String> of(String bpmnResourceName) {
    String file = fileFor(bpmnResourceName);
    try (InputStream in = open(file)) {
      return in == null ? Map.of() : parse(file, in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private InputStream open(String file) throws IOException {
    Path path = Path.of(processesDir).resolve(file);
    if (Files.isRegularFile(path)) {
      return Files.newInputStream(path);
    }
    ClassPathResource packaged = new ClassPathResource("opsflow/processes/" + file);
    return packaged.exists() ? packaged.getInputStream() : null;
  }

  static Map<String, String> parse(String file, InputStream in) {
    Object document;
    try {
      document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    } catch (YAMLException e) {
      throw invalid(file, "it is not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
    if (document == null) {
      return Map.of();
    }
    if (!(document instanceof Map<?, ?> root) || !(root.get("steps") instanceof Map<?, ?> steps)) {
      throw invalid(file, "it must have a map 'steps' of old step id to new step id");
    }
    Map<String, String> mappings = new LinkedHashMap<>();
    steps.forEach((from, to) -> {
      if (!(from instanceof String source) || !(to instanceof String target) || target.isBlank()) {
        throw invalid(file, "'" + from + ": " + to + "' must map a step id to a step id");
      }
      mappings.put(source, target);
    });
    return mappings;
  }

  private static ApiException invalid(String file, String problem) {
    return new ApiException(HttpStatus.CONFLICT, "the mapping file " + file + " cannot be used: " + problem);
  }
}
