package dev.paved.workflows.goldenpath;

import java.util.Map;

/**
 * One step as the run sees it.
 *
 * @param startedAt epoch milliseconds, or null before it starts
 * @param endedAt epoch milliseconds, or null while it has not ended
 * @param errorType the failure's stable type (for example {@code Conflict}), or null
 */
public record StepProgress(
    String id,
    String name,
    String action,
    StepStatus status,
    int attempts,
    Long startedAt,
    Long endedAt,
    Map<String, Object> output,
    String error,
    String errorType) {

  public StepProgress {
    output = output == null ? Map.of() : output;
  }

  static StepProgress pending(String id, String name, String action) {
    return new StepProgress(id, name, action, StepStatus.PENDING, 0, null, null, null, null, null);
  }

  StepProgress running(long now) {
    return new StepProgress(id, name, action, StepStatus.RUNNING, 0, now, null, null, null, null);
  }

  StepProgress succeeded(long now, int attempts, Map<String, Object> output) {
    return new StepProgress(
        id, name, action, StepStatus.SUCCEEDED, attempts, startedAt, now, output, null, null);
  }

  StepProgress skipped(long now) {
    return new StepProgress(id, name, action, StepStatus.SKIPPED, 0, now, now, null, null, null);
  }

  StepProgress failed(long now, int attempts, String error, String errorType) {
    return new StepProgress(
        id, name, action, StepStatus.FAILED, attempts, startedAt, now, output, error, errorType);
  }

  StepProgress compensated() {
    return new StepProgress(
        id,
        name,
        action,
        StepStatus.COMPENSATED,
        attempts,
        startedAt,
        endedAt,
        output,
        error,
        errorType);
  }

  StepProgress undoFailed(String undoError) {
    return new StepProgress(
        id,
        name,
        action,
        status,
        attempts,
        startedAt,
        endedAt,
        output,
        "undo failed: " + undoError,
        errorType);
  }
}
