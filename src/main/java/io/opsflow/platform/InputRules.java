package io.opsflow.platform;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.opsflow.platform.Problems.InvalidParam;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a field of our API expects, in the words of its users: the answer to a value of the wrong
 * type names the field and the rule ("lines[0].quantity: must be a whole number within range"),
 * never a Java class.
 */
final class InputRules {

  private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(Integer.class, int.class, Long.class, long.class,
      Short.class, short.class);

  private InputRules() {}

  /** The name of the whole body where no field of it is to blame. */
  static final String BODY = "body";
  /** How deep a named field goes; deeper levels of a deeply nested value are left out. */
  private static final int MAX_NAMED_LEVELS = 5;

  /**
   * Which field of a JSON body could not be read, and why ({@code cause} of Spring's
   * unreadable-message failure): the field where the value had the wrong type, or where the JSON
   * broke off or nested too deep; {@value #BODY} where the body as a whole is missing or wrong.
   */
  static InvalidParam unreadable(Throwable cause) {
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return new InvalidParam(field(mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]").toList()),
          reason(mapping));
    }
    if (cause instanceof JsonProcessingException broken && broken.getProcessor() instanceof JsonParser parser) {
      List<String> path = new ArrayList<>();
      for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
          context = context.getParent()) {
        path.add(0, context.inArray() ? "[" + Math.max(0, context.getCurrentIndex()) + "]"
            : context.getCurrentName() == null ? "" : context.getCurrentName());
      }
      path.removeIf(String::isEmpty);
      return new InvalidParam(path.isEmpty() ? BODY : field(path), reason(broken));
    }
    if (cause instanceof MismatchedInputException mismatch) {
      return new InvalidParam(BODY, expected(mismatch.getTargetType()));
    }
    return new InvalidParam(BODY, cause == null ? "is missing: send a JSON body" : "is not valid JSON of the expected shape");
  }

  /** {@code lines[0].quantity}: the path as the client wrote it, at most {@value #MAX_NAMED_LEVELS} levels deep. */
  private static String field(List<String> path) {
    return String.join(".", path.subList(0, Math.min(path.size(), MAX_NAMED_LEVELS))).replace(".[", "[");
  }

  private static String reason(JsonProcessingException failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    if (failure instanceof StreamConstraintsException || cause instanceof StreamConstraintsException) {
      return "is nested too deeply or too long to be read";
    }
    if (failure instanceof MismatchedInputException mismatch) {
      return expected(mismatch.getTargetType());
    }
    if (failure instanceof JsonMappingException && cause instanceof InputCoercionException outOfRange) {
      return expected(outOfRange.getTargetType());
    }
    if (failure instanceof JsonParseException || cause instanceof JsonParseException) {
      return "is not valid JSON";
    }
    return expected(null);
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
