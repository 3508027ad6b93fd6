package dev.paved.workflows.steps;

/** What a run does when one of its steps fails for good ({@code spec.onFailure}). */
public enum FailurePolicy {
  /** Undo every step already done, newest first, and end the run {@code ROLLED_BACK}. */
  ROLLBACK
}
