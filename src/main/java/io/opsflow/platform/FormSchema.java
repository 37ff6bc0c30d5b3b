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
import org.camunda.spin.json.SpinJsonNode;

/**
 * The input fields of a Camunda Form and what each accepts, so that a submission is checked on
 * the server whatever client sent it (Tasklist, REST, our API): form-js validates only in the
 * browser. The fields of a dynamic list ({@code dynamiclist} with a {@code path}) are checked in
 * each of its entries.
 */
final class FormSchema {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Set<String> TEXT_TYPES = Set.of("textfield", "textarea", "radio", "select", "datetime");

  /** An input field; a dynamic list's {@code items} are the fields of each of its entries. */
  record Field(String key, String label, String type, JsonNode validate, Set<String> options, boolean checkRequired,
      List<Field> items) {}

  private static final String DYNAMIC_LIST = "dynamiclist";

  /**
   * A field filled in wrongly: its path ({@code actions[0].owner}), its label, and the rule it breaks;
   * written {@code 'actions[0].owner' (Owner) is required} for Tasklist.
   */
  record Problem(String field, String label, String rule) {

    Problems.InvalidParam invalidParam() {
      return new Problems.InvalidParam(field, rule);
    }

    @Override
    public String toString() {
      return "'" + field + "'" + (label.isEmpty() ? "" : " (" + label + ")") + " " + rule;
    }
  }

  /** What an element without a form accepts: nothing. */
  static final FormSchema NONE = new FormSchema("(none)", List.of());

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
      collect(root.path("components"), "", false, fields);
      return new FormSchema(root.path("id").asText("form"), List.copyOf(fields));
    } catch (IOException e) {
      throw new UncheckedIOException("Form is not valid JSON", e);
    }
  }

  /**
   * Every way the submitted values break the form's rules, in field order; empty when none.
   * {@code variableOf} gives a variable by name; the fields of a group with a path (such as
   * {@code line1.sku}) are looked up inside that group's JSON variable.
   */
  List<Problem> problems(Function<String, Object> variableOf) {
    List<Problem> problems = new ArrayList<>();
    check(fields, "", variableOf, problems);
    return problems;
  }

  /** Checks these fields, named with {@code namePrefix} ({@code actions[0].} inside a dynamic list). */
  private static void check(List<Field> fields, String namePrefix, Function<String, Object> variableOf,
      List<Problem> problems) {
    for (Field field : fields) {
      Object value = valueAt(field.key(), variableOf);
      String name = namePrefix + field.key();
      if (DYNAMIC_LIST.equals(field.type())) {
        checkEntries(field, name, namePrefix, value, problems);
        continue;
      }
      if (isEmpty(value, field.type())) {
        if (field.checkRequired() && field.validate().path("required").asBoolean(false)) {
          problems.add(new Problem(name, field.label(), "is required"));
        }
        continue;
      }
      String typeProblem = typeProblem(field, value);
      if (typeProblem != null) {
        problems.add(new Problem(name, field.label(), typeProblem));
      }
    }
  }

  /**
   * A dynamic list: a JSON list (or JSON text of one, or a Java list) of entries, each checked
   * against the list's fields; no list at all is an empty one.
   */
  private static void checkEntries(Field list, String name, String namePrefix, Object value, List<Problem> problems) {
    Object entries = value instanceof String text ? parsedOrNull(text) : value;
    if (entries == null || value instanceof String text && text.isBlank()) {
      return;
    }
    List<?> items = entries instanceof JsonNode json && json.isArray()
        ? StreamSupport.stream(json.spliterator(), false).toList()
        : entries instanceof List<?> javaList ? javaList : null;
    if (items == null) {
      problems.add(new Problem(name, list.label(), "must be a list"));
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      Function<String, Object> entryValue = key -> item instanceof JsonNode json ? plain(json.path(key))
          : item instanceof Map<?, ?> map ? map.get(key) : null;
      check(list.items(), namePrefix + list.key() + "[" + i + "].", entryValue, problems);
    }
  }

  String formId() {
    return formId;
  }

  /**
   * The process variables a submission of this form may set: the key of each input field, or the
   * path of the group that holds it ({@code line1} for {@code line1.sku}).
   */
  Set<String> variables() {
    return fields.stream().map(field -> field.key().split("\\.")[0])
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
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
      case "checklist", "taglist" -> {
        return choicesProblem(field, value);
      }
      default -> {
        if (TEXT_TYPES.contains(field.type())) {
          return textProblem(field, value);
        }
      }
    }
    return null;
  }

  /** A list of choices: a JSON list (or JSON text of one, or a Java list) of the field's options. */
  private static String choicesProblem(Field field, Object value) {
    Object list = value instanceof String text ? parsedOrNull(text) : value;
    Collection<?> choices = list instanceof JsonNode json && json.isArray()
        ? StreamSupport.stream(json.spliterator(), false).map(FormSchema::plain).toList()
        : list instanceof Collection<?> collection ? collection : null;
    if (choices == null) {
      return "must be a list of " + field.options();
    }
    boolean allOffered = choices.stream().allMatch(choice -> choice instanceof String text
        && (field.options().isEmpty() || field.options().contains(text)));
    return allOffered ? null : "must only hold values of " + field.options();
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
        || value instanceof Map<?, ?> map && map.isEmpty()
        || value instanceof JsonNode json && json.isEmpty(); // a JSON list or object
  }

  /**
   * The value at a dotted path: a variable, then a property of its JSON value (a JSON variable, a
   * map, or JSON text as other clients send it) at each step.
   */
  private static Object valueAt(String path, Function<String, Object> variableOf) {
    String[] steps = path.split("\\.");
    Object value = variableOf.apply(steps[0]);
    if (value instanceof SpinJsonNode spin && spin.unwrap() instanceof JsonNode json) {
      value = plain(json);
    } else if (steps.length > 1 && value instanceof String text) {
      value = parsedOrNull(text);
    }
    for (int i = 1; i < steps.length && value != null; i++) {
      if (value instanceof JsonNode json) {
        value = plain(json.path(steps[i]));
      } else {
        value = value instanceof Map<?, ?> map ? map.get(steps[i]) : null;
      }
    }
    return value;
  }

  private static JsonNode parsedOrNull(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException notJson) {
      return null;
    }
  }

  /** JSON text, numbers and booleans as Java values, so they are checked like plain variables. */
  private static Object plain(JsonNode json) {
    if (json.isMissingNode() || json.isNull()) {
      return null;
    }
    if (json.isTextual()) {
      return json.textValue();
    }
    if (json.isNumber()) {
      return json.numberValue();
    }
    return json.isBoolean() ? json.booleanValue() : json;
  }

  /**
   * The input fields below these components. A group with a {@code path} keeps its fields in one
   * variable of that name, so their keys are prefixed with it; the fields of a group that may be
   * hidden may be left empty.
   */
  private static void collect(JsonNode components, String pathPrefix, boolean inHideableGroup, List<Field> into) {
    for (JsonNode component : components) {
      boolean maybeHidden = inHideableGroup || component.path("conditional").has("hide");
      if (DYNAMIC_LIST.equals(component.path("type").asText()) && !component.path("path").asText("").isEmpty()) {
        List<Field> items = new ArrayList<>();
        collect(component.path("components"), "", maybeHidden, items);
        into.add(new Field(pathPrefix + component.get("path").asText(), component.path("label").asText(""), DYNAMIC_LIST,
            component.path("validate"), Set.of(), !maybeHidden, List.copyOf(items)));
        continue;
      }
      if (component.has("components")) {
        String path = component.path("path").asText("");
        collect(component.get("components"), path.isEmpty() ? pathPrefix : pathPrefix + path + ".", maybeHidden, into);
      }
      String key = component.path("key").asText("");
      if (key.isEmpty() || component.path("type").asText().equals("button")) {
        continue;
      }
      boolean fromProcess = component.path("disabled").asBoolean(false) || component.path("readonly").asBoolean(false);
      Set<String> options = StreamSupport.stream(component.path("values").spliterator(), false)
          .map(option -> option.path("value").asText()).collect(java.util.stream.Collectors.toUnmodifiableSet());
      into.add(new Field(pathPrefix + key, component.path("label").asText(""), component.path("type").asText(),
          component.path("validate"), options, !fromProcess && !maybeHidden, List.of()));
    }
  }
}
