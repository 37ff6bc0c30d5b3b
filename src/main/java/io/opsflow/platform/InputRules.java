package io.opsflow.platform;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * What a field of our API expects, in the words of its users: the answer to a value of the wrong
 * type names the field and the rule ("lines[0].quantity: must be a whole number within range"),
 * never a Java class.
 */
public final class InputRules {

  private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(Integer.class, int.class, Long.class, long.class,
      Short.class, short.class);

  private InputRules() {}

  private static final String NOT_JSON = "the request body is not valid JSON of the expected shape";

  /** Why a JSON body could not be read ({@code cause} of Spring's unreadable-message failure). */
  static String unreadable(Throwable cause) {
    if (!(cause instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
      return NOT_JSON;
    }
    return field(mapping) + ": " + expected(mapping);
  }

  /**
   * The refusal of a JSON body that a controller reads itself (Jackson's failure {@code cause}):
   * 400 naming the field and what it expects, or saying that the body is no JSON of the expected shape.
   */
  public static ApiException unreadableBody(Throwable cause) {
    if (!(cause instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
      return new ApiException(HttpStatus.BAD_REQUEST, NOT_JSON);
    }
    return ApiException.badField(field(mapping), expected(mapping));
  }

  /** The JSON path of the field that failed: {@code lines[0].quantity}. */
  private static String field(JsonMappingException mapping) {
    return mapping.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  private static String expected(JsonMappingException mapping) {
    return expected(mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType()
        : mapping.getCause() instanceof InputCoercionException outOfRange ? outOfRange.getTargetType() : null);
  }

  static String expected(Class<?> type) {
    if (type == null) {
      return "has the wrong type or format";
    }
    if (type.isEnum()) {
      return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
          .collect(Collectors.joining(", "));
    }
    if (WHOLE_NUMBERS.contains(type)) {
      return "must be a whole number within range";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class) {
      return "must be a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (type == LocalDate.class) {
      return "must be a date such as 2026-05-04";
    }
    if (type == String.class) {
      return "must be text";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "must be a list";
    }
    if (type.isRecord()) {
      return "must be an object";
    }
    return "has the wrong type or format";
  }
}
