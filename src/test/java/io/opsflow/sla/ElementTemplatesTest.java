package io.opsflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

/**
 * The Camunda Modeler element templates of {@code .camunda/element-templates/} are valid JSON,
 * follow the rules of the Camunda 7 element template schema that Modeler enforces, and name
 * delegates that exist.
 */
class ElementTemplatesTest {

  static final Path TEMPLATES = Path.of(".camunda", "element-templates");
  /** Binding types of the Camunda 7 schema, with the field types each allows. */
  static final Map<String, Set<String>> FIELD_TYPES_BY_BINDING = Map.of(
      "property", Set.of("String", "Text", "Hidden", "Dropdown", "Boolean"),
      "camunda:property", Set.of("String", "Hidden", "Dropdown"),
      "camunda:inputParameter", Set.of("String", "Text", "Hidden", "Dropdown"),
      "camunda:outputParameter", Set.of("String", "Hidden", "Dropdown"),
      "camunda:field", Set.of("String", "Text", "Hidden", "Dropdown"),
      "camunda:executionListener", Set.of("Hidden"));

  @Test
  void templatesAreValidAndNameExistingDelegates() throws IOException {
    List<JsonNode> templates = templates();

    assertThat(templates).extracting(t -> t.path("name").asText())
        .containsExactlyInAnyOrder("SLA'd user task", "Send notification");
    for (JsonNode template : templates) {
      String name = template.path("name").asText();
      assertThat(template.path("id").isTextual()).as(name + " id").isTrue();
      assertThat(template.path("appliesTo").isArray()).as(name + " appliesTo").isTrue();
      template.path("appliesTo").forEach(type -> assertThat(type.asText()).as(name).startsWith("bpmn:"));
      assertThat(template.path("properties").isArray()).as(name + " properties").isTrue();
      for (JsonNode property : template.path("properties")) {
        String binding = property.path("binding").path("type").asText();
        assertThat(FIELD_TYPES_BY_BINDING).as(name + " binding").containsKey(binding);
        assertThat(FIELD_TYPES_BY_BINDING.get(binding)).as(name + " field type").contains(property.path("type").asText());
        assertThat(property.path("binding").path("name").isTextual()).as(name + " binding name").isTrue();
        if ("Dropdown".equals(property.path("type").asText())) {
          assertThat(property.path("choices")).as(name + " choices").isNotEmpty();
        }
        if ("camunda:delegateExpression".equals(property.path("binding").path("name").asText())) {
          assertThat(delegateBeanNames()).as(name).contains(property.path("value").asText());
        }
      }
    }
  }

  @Test
  void theSlaChoicesAreValidSlaExpressionsAndGracePeriods() throws IOException {
    JsonNode slaTask = slaTemplate();
    slaTask.path("properties").get(0).path("choices").forEach(choice ->
        assertThat(SlaExpressions.problemIn(choice.path("value").asText())).as(choice.toString()).isEmpty());
    slaTask.path("properties").get(1).path("choices").forEach(choice ->
        assertThat(GracePeriod.parse(choice.path("value").asText())).as(choice.toString()).isNotNull());
  }

  /** The template writes what the engine reads ({@link TaskSla}): a due date and the SLA's properties. */
  @Test
  void theSlaTemplateWritesWhatTheEngineReads() throws IOException {
    assertThat(slaTemplate().path("properties")).extracting(p -> p.path("binding").path("name").asText())
        .containsExactly("camunda:dueDate", TaskSla.GRACE_PERIOD, TaskSla.ESCALATION_CODE);
  }

  private static JsonNode slaTemplate() throws IOException {
    return templates().stream().filter(t -> t.path("id").asText().equals("io.opsflow.SlaUserTask"))
        .findFirst().orElseThrow();
  }

  private static List<JsonNode> templates() throws IOException {
    List<JsonNode> templates = new ArrayList<>();
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        new ObjectMapper().readTree(file.toFile()).forEach(templates::add);
      }
    }
    return templates;
  }

  private static List<String> delegateBeanNames() {
    return Stream.of("io.opsflow.notify.SendNotificationDelegate").map(ElementTemplatesTest::beanName).toList();
  }

  private static String beanName(String className) {
    try {
      return "${" + Class.forName(className).getAnnotation(Component.class).value() + "}";
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
