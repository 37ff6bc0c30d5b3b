package io.opsflow;

import static org.assertj.core.api.Assertions.catchThrowable;

import io.opsflow.platform.ApiException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The refusal a call ends with (409 for a move the process never makes, 403 for the wrong person),
 * also when the engine wraps it ("Exception while invoking TaskListener"), as our API and the
 * engine REST API find it.
 */
public final class Refusals {

  private Refusals() {}

  public static ApiException refusalOf(ThrowingCallable call) {
    Throwable failure = catchThrowable(call);
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ApiException refusal) {
        return refusal;
      }
    }
    throw new AssertionError("expected the call to be refused by an ApiException, but it ended with " + failure, failure);
  }
}
