package io.opsflow.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsflow.platform.ApiException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The designers' mapping file: its name next to the BPMN file, what it may say, and how a mistake is told. */
class StepMappingsTest {

  @Test
  void theFileIsNamedAfterTheBpmnFile() {
    assertThat(StepMappings.fileFor("order-fulfillment.bpmn")).isEqualTo("order-fulfillment.migration.yml");
    assertThat(StepMappings.fileFor("models/parcel.bpmn20.xml")).isEqualTo("parcel.migration.yml");
  }

  @Test
  void stepsMapOldIdsToNewIdsInTheirOrder() {
    assertThat(parse("steps:\n  Task_PackOrder: Task_PickAndPack\n  Task_A: Task_B\n"))
        .containsExactly(Map.entry("Task_PackOrder", "Task_PickAndPack"), Map.entry("Task_A", "Task_B"));
    assertThat(parse("# nothing renamed yet\n")).isEmpty();
  }

  @Test
  void aFileThatCannotBeUsedIsAConflictNamingTheFileAndTheRule() {
    assertRefused("steps: [Task_A]", "the mapping file parcel.migration.yml cannot be used: it must have a map"
        + " 'steps' of old step id to new step id");
    assertRefused("steps:\n  Task_A: 12\n", "cannot be used: 'Task_A: 12' must map a step id to a step id");
    assertRefused("steps: {Task_A: [", "cannot be used: it is not valid YAML");
  }

  private static Map<String, String> parse(String yaml) {
    return StepMappings.parse("parcel.migration.yml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  private static void assertRefused(String yaml, String message) {
    assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ApiException.class).hasMessageContaining(message)
        .satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(409));
  }
}
