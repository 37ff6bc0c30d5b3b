package io.opsflow.platform;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Bean Validation rules of our request records that swagger-core leaves out or writes loosely,
 * written into their schemas after swagger-core made them: {@link OneLine} as a pattern,
 * {@code @NotBlank} and {@code @NotEmpty} as a minimum length or size of 1, {@code @PositiveOrZero} as a
 * minimum of 0, and {@code @Pattern}
 * anchored (Bean Validation matches the whole text, a JSON Schema pattern matches anywhere in it).
 * Also for the elements of a list ({@code List<@NotBlank String>}). Two records of the same simple name
 * (two {@code Step}s) would be one schema for both: that fails here, naming them. The values of a
 * {@code Map<String, Object>} are any JSON value (swagger-core says objects). A component of a
 * primitive type is never null, so always in the JSON: it is required. An optional field is nullable:
 * JSON null is read as not given.
 */
class ValidationRules implements ModelConverter {

  /** The record each schema name stands for: two records of one simple name would share one schema. */
  private final Map<String, Class<?>> named = new ConcurrentHashMap<>();

  /** {@link OneLine} for clients: no control character (C0, DEL, C1) and no line or paragraph separator. */
  static final String ONE_LINE = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$";

  @Override
  public Schema resolve(AnnotatedType type, ModelConverterContext context,
      Iterator<ModelConverter> chain) {
    if (!chain.hasNext()) {
      return null;
    }
    Schema<?> schema = chain.next().resolve(type, context, chain);
    JavaType javaType = Json.mapper().constructType(type.getType());
    if (schema == null || javaType == null || !javaType.getRawClass().isRecord()) {
      return schema;
    }
    if (schema.get$ref() == null && schema.getName() != null) {
      Class<?> other = named.putIfAbsent(schema.getName(), javaType.getRawClass());
      if (other != null && other != javaType.getRawClass()) {
        throw new IllegalStateException("two schemas named " + schema.getName() + ": " + other.getName() + " and "
            + javaType.getRawClass().getName() + "; name one with @Schema(name = ...)");
      }
    }
    Schema<?> model = schema.get$ref() == null ? schema
        : context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
    if (model == null || model.getProperties() == null) {
      return schema;
    }
    for (RecordComponent component : javaType.getRawClass().getRecordComponents()) {
      Schema<?> property = model.getProperties().get(component.getName());
      if (property != null) {
        if (component.getType().isPrimitive() && (model.getRequired() == null || !model.getRequired().contains(component.getName()))) {
          // never null, so always written
          model.addRequiredItem(component.getName());
        }
        if (property.get$ref() == null && (model.getRequired() == null || !model.getRequired().contains(component.getName()))) {
          // an optional field may be sent as JSON null: Jackson reads it as not given
          property.setNullable(true);
        }
        if (Map.class.isAssignableFrom(component.getType())
            && component.getGenericType() instanceof ParameterizedType map && map.getActualTypeArguments()[1] == Object.class) {
          // Map<String, Object> (a task's form data): values of any JSON type, not only objects
          property.setAdditionalProperties(Boolean.TRUE);
        }
        apply(annotations(component), property);
        if (property.getItems() != null && component.getAnnotatedType() instanceof AnnotatedParameterizedType list
            && list.getAnnotatedActualTypeArguments().length == 1) {
          apply(List.of(list.getAnnotatedActualTypeArguments()[0].getAnnotations()), property.getItems());
        }
      }
    }
    return schema;
  }

  private static List<Annotation> annotations(RecordComponent component) {
    List<Annotation> annotations = new ArrayList<>(List.of(component.getAnnotations()));
    annotations.addAll(List.of(component.getAnnotatedType().getAnnotations()));
    try {
      annotations.addAll(List.of(component.getDeclaringRecord().getDeclaredField(component.getName()).getAnnotations()));
    } catch (NoSuchFieldException e) {
      // every record component has its field
    }
    return annotations;
  }

  private static void apply(List<Annotation> annotations, Schema<?> property) {
    if (property.get$ref() != null) {
      return;
    }
    for (Annotation annotation : annotations) {
      if (annotation instanceof OneLine) {
        property.setPattern(ONE_LINE);
      } else if (annotation instanceof Pattern pattern) {
        property.setPattern("^(?:" + pattern.regexp() + ")$");
      } else if (annotation instanceof PositiveOrZero && property.getMinimum() == null) {
        property.setMinimum(java.math.BigDecimal.ZERO);
      } else if (annotation instanceof NotBlank || annotation instanceof NotEmpty) {
        if ("array".equals(property.getType())) {
          property.setMinItems(Math.max(1, property.getMinItems() == null ? 0 : property.getMinItems()));
        } else {
          property.setMinLength(Math.max(1, property.getMinLength() == null ? 0 : property.getMinLength()));
        }
      }
    }
  }
}
