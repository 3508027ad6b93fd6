package dev.paved.workflows.goldenpath;

/** Where a run stands. */
public enum RunStatus {
  RUNNING,
  COMPLETED,
  /** A step failed for good and everything made before it was undone. */
  ROLLED_BACK,
  /** A step failed for good and an undo failed too: something may be left behind. */
  FAILED,
  /** Cancelled from outside; everything made before was undone. */
  CANCELLED;

  public boolean isTerminal() {
    return this != RUNNING;
  }
}
