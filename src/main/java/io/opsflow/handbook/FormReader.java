package io.opsflow.handbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.handbook.ProcessHandbook.FormField;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * What a Camunda Form (form-js JSON) asks, for people: every input field with its label, whether
 * it is required, the answers it allows and whether it shows only sometimes (a hide condition).
 * Text, buttons and other components without a key ask nothing.
 */
final class FormReader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> NOT_ASKED = Set.of("text", "button", "spacer", "separator", "image", "html",
      "group", "dynamiclist", "iframe", "table");

  private FormReader() {}

  /** The form's id, or empty when the bytes are no form. */
  static Optional<String> id(byte[] form) {
    try {
      return Optional.ofNullable(JSON.readTree(form).path("id").asText(null));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static List<FormField> fields(byte[] form) {
    List<FormField> fields = new ArrayList<>();
    try {
      collect(JSON.readTree(form).path("components"), "", false, fields);
    } catch (IOException e) {
      return List.of();
    }
    return List.copyOf(distinct(fields));
  }

  /** Repeated groups (line 1, line 2, ... of an order) ask the same: each question once. */
  private static List<FormField> distinct(List<FormField> fields) {
    List<FormField> once = new ArrayList<>();
    for (FormField field : fields) {
      if (once.stream().noneMatch(f -> f.label().equals(field.label()) && f.type().equals(field.type())
          && f.options().equals(field.options()) && f.description().equals(field.description()) && !field.label().isBlank())) {
        once.add(field);
      }
    }
    return once;
  }

  private static void collect(JsonNode components, String path, boolean hideable, List<FormField> into) {
    for (JsonNode component : components) {
      boolean sometimes = hideable || component.path("conditional").has("hide");
      String key = component.path("key").asText("");
      String type = component.path("type").asText("");
      if (!key.isEmpty() && !NOT_ASKED.contains(type)) {
        into.add(new FormField(path + key, label(component), type,
            component.path("validate").path("required").asBoolean(false), options(component),
            component.path("description").asText("").strip(), sometimes));
      }
      if (component.has("components")) {
        String group = component.path("path").asText("");
        collect(component.get("components"), group.isEmpty() ? path : path + group + ".", sometimes, into);
      }
    }
  }

  /** The label; a date and time field has one for each part. */
  private static String label(JsonNode component) {
    for (String label : List.of("label", "dateLabel", "timeLabel")) {
      String text = component.path(label).asText("").strip();
      if (!text.isEmpty()) {
        return text;
      }
    }
    return "";
  }

  /** The answers a choice allows, by their labels; "chosen from a list the process gives" for dynamic ones. */
  private static List<String> options(JsonNode component) {
    if (component.hasNonNull("valuesKey") || component.hasNonNull("valuesExpression")) {
      return List.of("one of a list the process gives");
    }
    return StreamSupport.stream(component.path("values").spliterator(), false)
        .map(option -> option.path("label").asText(option.path("value").asText()))
        .toList();
  }
}
