package dev.paved.workflows.goldenpath;

import java.util.Map;

/**
 * One step as the run sees it.
 *
 * @param startedAt epoch milliseconds, or null before it starts
 * @param endedAt epoch milliseconds, or null while it has not ended
 * @param errorType the failure's stable type (for example {@code Conflict}), or null
 * @param undo its undo's state once the run rolls back, or null (not rolled back, or recorded
 *     before undos had a state of their own)
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
    String errorType,
    UndoProgress undo) {

  public StepProgress {
    output = output == null ? Map.of() : output;
  }

  /** A step without an undo state. */
  public StepProgress(
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
    this(id, name, action, status, attempts, startedAt, endedAt, output, error, errorType, null);
  }

  /** The same step with its undo's state. */
  StepProgress withUndo(UndoProgress undoState) {
    return new StepProgress(
        id, name, action, status, attempts, startedAt, endedAt, output, error, errorType,
        undoState);
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
        errorType,
        undo);
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
        errorType,
        undo);
  }
}
