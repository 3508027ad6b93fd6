package dev.paved.workflows.goldenpath;

/** Where one step of a run stands. */
public enum StepStatus {
  PENDING,
  RUNNING,
  SUCCEEDED,
  FAILED,
  /** It had succeeded, and was undone when the run rolled back. */
  COMPENSATED,
  /** Its {@code if} was falsy. */
  SKIPPED
}
