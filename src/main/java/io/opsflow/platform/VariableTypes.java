package io.opsflow.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.DeserializationTypeValidator;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Java types that a client may ask the engine to deserialize a variable into ({@code "type":
 * "Object"} with an {@code objectTypeName}): only those of the engine's deserialization allow-list
 * ({@code deserialization-type-validation-enabled}; by default {@code java.lang} and the common
 * {@code java.util} collections, plus {@code deserialization-allowed-classes} and
 * {@code -packages}). The engine itself refuses the others only when it reads them; this refuses
 * them when they are sent, before anything is stored.
 */
@Component
class VariableTypes {

  private final ProcessEngineConfigurationImpl configuration;

  VariableTypes(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  /** Refuses (400, naming the variable and the type) a body that holds a variable of a type not allowed. */
  void requireAllowed(JsonNode body, String path) {
    check(body, path.substring(path.lastIndexOf('/') + 1));
  }

  private void check(JsonNode node, String name) {
    if (node.isObject()) {
      if ("object".equalsIgnoreCase(node.path("type").asText()) && node.path("valueInfo").has("objectTypeName")) {
        String typeName = node.path("valueInfo").path("objectTypeName").asText();
        if (!allowed(typeName)) {
          throw new ApiException(HttpStatus.BAD_REQUEST, "variable '" + name + "': type " + typeName
              + " is not allowed; Object variables may only hold the types of the engine's deserialization allow-list");
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        check(field.getValue(), field.getKey());
      }
    } else if (node.isArray()) {
      node.forEach(element -> check(element, name));
    }
  }

  /** Every class named in a type name such as {@code java.util.ArrayList<java.lang.String>} is allowed. */
  private boolean allowed(String typeName) {
    DeserializationTypeValidator validator = configuration.getDeserializationTypeValidator();
    return validator != null && Arrays.stream(typeName.split("[<>,\\s]+")).filter(name -> !name.isEmpty())
        .map(VariableTypes::componentOfArray).allMatch(validator::validate);
  }

  /** {@code [Ljava.lang.String;} names an array of {@code java.lang.String}. */
  private static String componentOfArray(String className) {
    String component = className.replaceFirst("^\\[+", "");
    return component.length() < className.length() && component.startsWith("L") && component.endsWith(";")
        ? component.substring(1, component.length() - 1) : component;
  }
}
