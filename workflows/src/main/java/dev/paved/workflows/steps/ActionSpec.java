package dev.paved.workflows.steps;

/**
 * How the workflow runs one action: the activity type that does it (null when the workflow does it
 * itself, as it waits for an approval), the one that undoes it (null when what it makes lives only
 * in the run's workspace), its retry family and its task queue.
 */
public record ActionSpec(
    String id,
    String activityType,
    String undoActivityType,
    StepClass stepClass,
    String taskQueue) {

  /** Done by the workflow itself (it waits for people), with no activity of its own. */
  public boolean inWorkflow() {
    return activityType == null;
  }

  public boolean hasUndo() {
    return undoActivityType != null;
  }
}
