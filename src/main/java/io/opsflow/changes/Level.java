package io.opsflow.changes;

import com.fasterxml.jackson.annotation.JsonValue;
import io.opsflow.platform.ApiException;
import java.util.Arrays;
import java.util.Locale;

/** Impact, urgency and risk of a change, written in lower case in JSON, forms and the decision table. */
enum Level {
  LOW, MEDIUM, HIGH;

  @JsonValue
  String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads a level given for a field; a 400 naming the field if it is none of low, medium, high. */
  static Level parse(String field, String value) {
    return Arrays.stream(values()).filter(level -> level.value().equals(value)).findFirst()
        .orElseThrow(() -> ApiException.badField(field, "must be one of low, medium, high, not '" + value + "'"));
  }
}
