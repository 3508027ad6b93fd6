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
  /**
   * Undoing what the run made, and some undo could not finish in its first pass (a system is down):
   * the run tries them again later, up to an hour apart, until they are done ({@code ROLLED_BACK},
   * or how the run was ending) or their time runs out ({@code FAILED}, naming what is left). A
   * rollback decision tries them at once.
   */
  ROLLING_BACK,
  /** A step failed for good and everything made before it was undone. */
  ROLLED_BACK,
  /** A step failed for good and an undo failed too (or gave up): something may be left behind. */
  FAILED,
  /** Cancelled from outside; everything made before was undone. */
  CANCELLED,
  /** An approver rejected it at an approval step; everything made before was undone. */
  REJECTED,
  /** Nobody approved it within its approval step's timeout; everything made before was undone. */
  EXPIRED;

  /** Whether the run has ended: it will never change again. */
  public boolean isTerminal() {
    return this != RUNNING
        && this != NEEDS_ATTENTION
        && this != WAITING_APPROVAL
        && this != ROLLING_BACK;
  }
}
