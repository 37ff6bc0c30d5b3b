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
public final class InputRules {

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
    JsonParser brokenAt = brokenJson(cause);
    if (brokenAt != null) {
      List<String> path = new ArrayList<>();
      for (JsonStreamContext context = brokenAt.getParsingContext(); context != null && !context.inRoot();
          context = context.getParent()) {
        path.add(0, context.inArray() ? "[" + Math.max(0, context.getCurrentIndex()) + "]"
            : context.getCurrentName() == null ? "" : context.getCurrentName());
      }
      path.removeIf(String::isEmpty);
      return new InvalidParam(path.isEmpty() ? BODY : field(path), reason((JsonProcessingException) cause));
    }
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
        && mapping.getPath().get(0).getFieldName() != null) {
      return new InvalidParam(field(mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]").toList()),
          reason(mapping));
    }
    if (cause instanceof StreamConstraintsException tooDeep) {
      // the parser's limits (1000 levels of nesting, the length of a number or text) say not where they hit
      return new InvalidParam(BODY, reason(tooDeep));
    }
    if (cause instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()) {
      return new InvalidParam(BODY, expected(mismatch.getTargetType()));
    }
    return new InvalidParam(BODY, cause == null ? "is missing: send a JSON body" : "must be a JSON object of the expected shape");
  }

  /** The parser where the JSON itself broke (a syntax error, or nested or sized beyond the limits), or null. */
  private static JsonParser brokenJson(Throwable cause) {
    for (Throwable failure = cause; failure != null; failure = failure.getCause() == failure ? null : failure.getCause()) {
      if ((failure instanceof JsonParseException || failure instanceof StreamConstraintsException)
          && ((JsonProcessingException) failure).getProcessor() instanceof JsonParser parser) {
        return parser;
      }
    }
    return null;
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

  /**
   * The refusal of a JSON body that a controller reads itself (Jackson's failure {@code cause}):
   * 400 naming the field where reading failed and what it expects.
   */
  public static ApiException unreadableBody(Throwable cause) {
    return ApiException.invalid(List.of(unreadable(cause)));
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
