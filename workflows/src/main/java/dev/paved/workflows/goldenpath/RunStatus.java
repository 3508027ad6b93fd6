package dev.paved.workflows.goldenpath;

/** Where a run stands. */
public enum RunStatus {
  RUNNING,
  /**
   * A step failed for good and the template's {@code onFailure} is {@code pause}: the run waits for
   * an operator to retry, roll back or cancel it (or rolls back when its pause times out).
   */
  NEEDS_ATTENTION,
  COMPLETED,
  /** A step failed for good and everything made before it was undone. */
  ROLLED_BACK,
  /** A step failed for good and an undo failed too: something may be left behind. */
  FAILED,
  /** Cancelled from outside; everything made before was undone. */
  CANCELLED;

  /** Whether the run has ended: it will never change again. */
  public boolean isTerminal() {
    return this != RUNNING && this != NEEDS_ATTENTION;
  }
}
