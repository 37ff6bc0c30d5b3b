package io.opsflow.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * The input fields of a Camunda Form and what each accepts, so that a submission is checked on
 * the server whatever client sent it (Tasklist, REST, our API): form-js validates only in the
 * browser.
 */
final class FormSchema {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Set<String> TEXT_TYPES = Set.of("textfield", "textarea", "radio", "select", "datetime");

  record Field(String key, String label, String type, JsonNode validate, Set<String> options, boolean checkRequired) {}

  private final String formId;
  private final List<Field> fields;

  private FormSchema(String formId, List<Field> fields) {
    this.formId = formId;
    this.fields = fields;
  }

  static FormSchema parse(InputStream json) {
    try {
      JsonNode root = JSON.readTree(json);
      List<Field> fields = new ArrayList<>();
      collect(root.path("components"), fields);
      return new FormSchema(root.path("id").asText("form"), List.copyOf(fields));
    } catch (IOException e) {
      throw new UncheckedIOException("Form is not valid JSON", e);
    }
  }

  /** Every way the submitted values break the form's rules, in field order; empty when none. */
  List<String> problems(Function<String, Object> valueOf) {
    List<String> problems = new ArrayList<>();
    for (Field field : fields) {
      Object value = valueOf.apply(field.key());
      String name = "'" + field.key() + "'" + (field.label().isEmpty() ? "" : " (" + field.label() + ")");
      if (isEmpty(value, field.type())) {
        if (field.checkRequired() && field.validate().path("required").asBoolean(false)) {
          problems.add(name + " is required");
        }
        continue;
      }
      String typeProblem = typeProblem(field, value);
      if (typeProblem != null) {
        problems.add(name + " " + typeProblem);
      }
    }
    return problems;
  }

  String formId() {
    return formId;
  }

  private static String typeProblem(Field field, Object value) {
    JsonNode validate = field.validate();
    switch (field.type()) {
      case "number" -> {
        if (!(value instanceof Number number)) {
          return "must be a number";
        }
        if (validate.has("min") && number.doubleValue() < validate.get("min").asDouble()) {
          return "must be at least " + validate.get("min").asText();
        }
        if (validate.has("max") && number.doubleValue() > validate.get("max").asDouble()) {
          return "must be at most " + validate.get("max").asText();
        }
      }
      case "checkbox" -> {
        if (!(value instanceof Boolean)) {
          return "must be true or false";
        }
      }
      default -> {
        if (TEXT_TYPES.contains(field.type())) {
          return textProblem(field, value);
        }
      }
    }
    return null;
  }

  private static String textProblem(Field field, Object value) {
    if (!(value instanceof String text)) {
      return "must be text";
    }
    JsonNode validate = field.validate();
    if (!field.options().isEmpty() && !field.options().contains(text)) {
      return "must be one of " + field.options();
    }
    if (validate.has("minLength") && text.length() < validate.get("minLength").asInt()) {
      return "must have at least " + validate.get("minLength").asInt() + " characters";
    }
    if (validate.has("maxLength") && text.length() > validate.get("maxLength").asInt()) {
      return "must have at most " + validate.get("maxLength").asInt() + " characters";
    }
    if (validate.hasNonNull("pattern") && !Pattern.compile(validate.get("pattern").asText()).matcher(text).matches()) {
      return "does not have the expected format";
    }
    if ("email".equals(validate.path("validationType").asText()) && !EMAIL.matcher(text).matches()) {
      return "must be an e-mail address";
    }
    return null;
  }

  private static boolean isEmpty(Object value, String type) {
    return value == null
        || value instanceof String text && text.isBlank()
        || "checkbox".equals(type) && Boolean.FALSE.equals(value)
        || value instanceof Collection<?> list && list.isEmpty()
        || value instanceof Map<?, ?> map && map.isEmpty();
  }

  private static void collect(JsonNode components, List<Field> into) {
    for (JsonNode component : components) {
      if (component.has("components")) {
        collect(component.get("components"), into);
      }
      String key = component.path("key").asText("");
      if (key.isEmpty() || component.path("type").asText().equals("button")) {
        continue;
      }
      boolean fromProcess = component.path("disabled").asBoolean(false) || component.path("readonly").asBoolean(false);
      boolean maybeHidden = component.path("conditional").has("hide");
      Set<String> options = StreamSupport.stream(component.path("values").spliterator(), false)
          .map(option -> option.path("value").asText()).collect(java.util.stream.Collectors.toUnmodifiableSet());
      into.add(new Field(key, component.path("label").asText(""), component.path("type").asText(),
          component.path("validate"), options, !fromProcess && !maybeHidden));
    }
  }
}
