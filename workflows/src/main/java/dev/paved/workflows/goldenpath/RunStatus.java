package dev.paved.workflows.goldenpath;

/** Where a run stands. */
public enum RunStatus {
  RUNNING,
  /**
   * A step failed for good and the template's {@code onFailure} is {@code pause}: the run waits for
   * an operator to retry, roll back or cancel it (or rolls back when its pause times out).
   */
  NEEDS_ATTENTION,
  /**
   * A {@code paved:approval} step waits for its approvers; the run goes on once enough of them
   * approve, and ends {@code REJECTED} or {@code EXPIRED} otherwise.
   */
  WAITING_APPROVAL,
  COMPLETED,
  /** A step failed for good and everything made before it was undone. */
  ROLLED_BACK,
  /** A step failed for good and an undo failed too: something may be left behind. */
  FAILED,
  /** Cancelled from outside; everything made before was undone. */
  CANCELLED,
  /** An approver rejected it at an approval step; everything made before was undone. */
  REJECTED,
  /** Nobody approved it within its approval step's timeout; everything made before was undone. */
  EXPIRED;

  /** Whether the run has ended: it will never change again. */
  public boolean isTerminal() {
    return this != RUNNING && this != NEEDS_ATTENTION && this != WAITING_APPROVAL;
  }
}
