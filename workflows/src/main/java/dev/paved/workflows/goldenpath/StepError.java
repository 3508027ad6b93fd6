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
      String type = shortType(app.getType());
      return new StepError(message(app.getOriginalMessage(), type), type, attempts(app));
    }
    if (cause instanceof TimeoutFailure timeout) {
      return new StepError("timed out (" + timeout.getTimeoutType() + ")", "Timeout", 0);
    }
    String type = cause.getClass().getSimpleName();
    return new StepError(message(cause.getMessage(), type), type, 0);
  }

  /** An exception without a message (a bug, mostly) still tells the operator what it was. */
  private static String message(String message, String type) {
    return message == null || message.isBlank() || message.equals("null")
        ? type + " (no message)"
        : message;
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
