package io.opsflow.platform;

import io.opsflow.platform.Problems.InvalidParam;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A value our code inside the engine refuses, naming the field and the rule: 400 at every door.
 * Camunda's own REST mapping (the webapps' copy of the engine REST API) answers a
 * {@link BadUserRequestException} with 400 and this message; ours adds the field to
 * {@code invalid-params} ({@link ApiException#asRefusal}).
 */
class RefusedInput extends BadUserRequestException {

  private final transient InvalidParam field;

  RefusedInput(String field, String rule) {
    super(field + ": " + rule);
    this.field = new InvalidParam(field, rule);
  }

  InvalidParam field() {
    return field;
  }
}
