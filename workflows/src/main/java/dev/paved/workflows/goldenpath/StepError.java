package dev.paved.workflows.goldenpath;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;

/** Why a step (or its undo) failed, read from the activity's failure: message, type, attempts. */
record StepError(String message, String type, int attempts) {

  static StepError from(TemporalFailure failure) {
    Throwable cause = failure instanceof ActivityFailure ? failure.getCause() : failure;
    if (cause instanceof ApplicationFailure app) {
      return new StepError(app.getOriginalMessage(), shortType(app.getType()), attempts(app));
    }
    if (cause instanceof TimeoutFailure timeout) {
      return new StepError("timed out (" + timeout.getTimeoutType() + ")", "Timeout", 0);
    }
    return new StepError(String.valueOf(cause.getMessage()), cause.getClass().getSimpleName(), 0);
  }

  /** The worker's interceptor puts the attempt number in the failure's details. */
  private static int attempts(ApplicationFailure failure) {
    try {
      Integer attempt = failure.getDetails().get(Integer.class);
      return attempt == null ? 0 : attempt;
    } catch (RuntimeException noDetails) {
      return 0;
    }
  }

  private static String shortType(String type) {
    int dot = type == null ? -1 : type.lastIndexOf('.');
    return dot < 0 ? type : type.substring(dot + 1);
  }
}
