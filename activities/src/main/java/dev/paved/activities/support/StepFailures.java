package dev.paved.activities.support;

import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.FailureTypes;
import io.temporal.failure.ApplicationFailure;

/** The failures an action throws, each with its stable type (see {@link FailureTypes}). */
public final class StepFailures {

  private StepFailures() {}

  /** The step's input is wrong; retrying cannot help. */
  public static ApplicationFailure invalidInput(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, FailureTypes.INVALID_INPUT);
  }

  /** Something exists that this service did not make; retrying cannot help. */
  public static ApplicationFailure conflict(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, FailureTypes.CONFLICT);
  }

  /** Paved's credentials were refused; retrying cannot help. */
  public static ApplicationFailure unauthorized(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, FailureTypes.UNAUTHORIZED);
  }

  /** The run's service key, which marks what the action makes; InvalidInput when there is none. */
  public static String requireServiceKey(String action, ActionRequest request) {
    if (!request.hasServiceKey()) {
      throw invalidInput(action + ": the run has no service key");
    }
    return request.serviceKey();
  }

  /** A system did not answer or answered with a server error; the step's policy retries it. */
  public static ApplicationFailure unavailable(String message, Throwable cause) {
    return ApplicationFailure.newFailureWithCause(message, FailureTypes.UNAVAILABLE, cause);
  }
}
