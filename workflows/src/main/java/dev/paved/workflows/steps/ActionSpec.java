package dev.paved.workflows.steps;

/**
 * How the workflow runs one action: the activity type that does it (null when the workflow does it
 * itself, as {@code debug:wait}'s durable timer), the one that undoes it (null when what it makes
 * lives only in the run's workspace), its retry family and its task queue.
 */
public record ActionSpec(
    String id,
    String activityType,
    String undoActivityType,
    StepClass stepClass,
    String taskQueue) {

  public boolean hasUndo() {
    return undoActivityType != null;
  }

  /** Whether the workflow does the action itself, with no activity. */
  public boolean inWorkflow() {
    return activityType == null;
  }
}
