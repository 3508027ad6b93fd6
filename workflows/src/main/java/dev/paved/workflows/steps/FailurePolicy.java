package dev.paved.workflows.steps;

/** What a run does when one of its steps fails for good ({@code spec.onFailure}). */
public enum FailurePolicy {
  /**
   * Wait for an operator's decision (retry the step, roll back, cancel), up to the template's
   * {@code spec.pauseTimeout}; then roll back. The default.
   */
  PAUSE,
  /** Undo every step already done, newest first, and end the run {@code ROLLED_BACK}. */
  ROLLBACK
}
