package io.opsflow.platform;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An example for every part of an operation that has none: its parameters, its request body and
 * its successful answers, made from their schemas. A value comes from the field's own example
 * ({@code @Schema(example = ...)}), else its first allowed value, else its format or type within
 * its minimum and length; of alternatives ({@code anyOf}, {@code oneOf}), the first; so an example always satisfies its schema (the contract tests check).
 */
final class ApiExamples {

  private static final int DEPTH = 6;

  private final Map<String, Schema> components;

  ApiExamples(Map<String, Schema> components) {
    this.components = components == null ? Map.of() : components;
  }

  void addTo(Operation operation) {
    if (operation.getParameters() != null) {
      for (Parameter parameter : operation.getParameters()) {
        if (parameter.getExample() == null && parameter.getSchema() != null) {
          parameter.setExample(valueOf(parameter.getName(), parameter.getSchema(), 0));
        }
      }
    }
    if (operation.getRequestBody() != null) {
      addTo(operation.getRequestBody().getContent());
    }
    operation.getResponses().forEach((status, response) -> {
      if (status.startsWith("2")) {
        addTo(response.getContent());
      }
    });
  }

  private void addTo(Content content) {
    if (content == null) {
      return;
    }
    content.forEach((type, media) -> {
      if (media.getExample() == null && media.getSchema() != null && type.contains("json")) {
        media.setExample(valueOf("body", media.getSchema(), 0));
      }
    });
  }

  @SuppressWarnings("unchecked")
  private Object valueOf(String name, Schema<?> schema, int depth) {
    if (schema.get$ref() != null) {
      Schema<?> target = components.get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
      return target == null ? null : valueOf(name, target, depth);
    }
    if (schema.getExample() != null) {
      return schema.getExample();
    }
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      return schema.getEnum().get(0);
    }
    List<Schema> alternatives = schema.getAnyOf() != null ? schema.getAnyOf() : schema.getOneOf();
    if (alternatives != null && !alternatives.isEmpty()) {
      return valueOf(name, alternatives.get(0), depth);
    }
    String type = schema.getType() != null ? schema.getType()
        : schema.getTypes() != null && !schema.getTypes().isEmpty() ? schema.getTypes().iterator().next() : "object";
    return switch (type) {
      case "integer" -> schema.getMinimum() != null ? schema.getMinimum().max(BigDecimal.ONE).longValue() : 1;
      case "number" -> schema.getMinimum() != null ? schema.getMinimum().max(BigDecimal.ONE) : new BigDecimal("12.5");
      case "boolean" -> true;
      case "array" -> depth > DEPTH || schema.getItems() == null ? List.of()
          : java.util.Collections.singletonList(valueOf(name, schema.getItems(), depth + 1));
      case "string" -> text(name, schema);
      default -> object(schema, depth);
    };
  }

  private Map<String, Object> object(Schema<?> schema, int depth) {
    Map<String, Object> example = new LinkedHashMap<>();
    if (depth > DEPTH || schema.getProperties() == null) {
      return example;
    }
    schema.getProperties().forEach((property, propertySchema) -> {
      Object value = valueOf(property, propertySchema, depth + 1);
      if (value != null) {
        example.put(property, value);
      }
    });
    return example;
  }

  private static String text(String name, Schema<?> schema) {
    if (schema.getFormat() != null) {
      switch (schema.getFormat()) {
        case "date":
          return "2031-06-10";
        case "date-time":
          return "2031-06-10T09:30:00Z";
        case "email":
          return "ada@example.com";
        case "uri":
          return "https://example.com/";
        default:
          break;
      }
    }
    String text = name;
    if (schema.getMinLength() != null && text.length() < schema.getMinLength()) {
      text = text + "x".repeat(schema.getMinLength() - text.length());
    }
    if (schema.getMaxLength() != null && text.length() > schema.getMaxLength()) {
      text = text.substring(0, schema.getMaxLength());
    }
    return text;
  }
}
