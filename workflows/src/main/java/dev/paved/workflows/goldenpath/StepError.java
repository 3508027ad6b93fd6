package dev.paved.workflows.goldenpath;

import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;

/**
 * Why a step (or its undo) failed, read from the activity's failure: message, type, attempts. The
 * message is the failure's own followed by what each cause adds (the system's answer), never a
 * stack trace.
 */
record StepError(String message, String type, int attempts) {

  /** Causes looked at, at most: a chain is a few levels deep (action, adapter, library). */
  private static final int MAX_CAUSES = 8;

  static StepError from(TemporalFailure failure) {
    Throwable cause = failure instanceof ActivityFailure ? failure.getCause() : failure;
    if (cause instanceof ApplicationFailure app) {
      return new StepError(
          withCauses(app.getOriginalMessage(), app.getCause()),
          shortType(app.getType()),
          attempts(app));
    }
    if (cause instanceof TimeoutFailure timeout) {
      return new StepError(
          withCauses(timedOut(timeout.getTimeoutType()), timeout.getCause()), "Timeout", 0);
    }
    return new StepError(
        withCauses(message(cause), cause.getCause()), cause.getClass().getSimpleName(), 0);
  }

  private static String timedOut(TimeoutType type) {
    return switch (type) {
      case TIMEOUT_TYPE_HEARTBEAT -> "timed out: its worker stopped reporting (stopped or stuck)";
      case TIMEOUT_TYPE_SCHEDULE_TO_START -> "timed out: no worker took it";
      default -> "timed out: it did not finish in the time its step family allows";
    };
  }

  /** {@code message}, then each cause's message that says something new. */
  private static String withCauses(String message, Throwable cause) {
    StringBuilder text = new StringBuilder(message == null ? "" : message);
    Throwable next = cause;
    for (int i = 0; next != null && i < MAX_CAUSES; i++, next = next.getCause()) {
      String said = message(next);
      if (said != null && !said.isBlank() && text.indexOf(said) < 0) {
        text.append(text.length() == 0 ? "" : ": ").append(said);
      }
    }
    return text.toString();
  }

  private static String message(Throwable failure) {
    return failure instanceof TemporalFailure temporal
        ? temporal.getOriginalMessage()
        : failure.getMessage();
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
