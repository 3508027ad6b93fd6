package dev.paved.workflows.steps;

/**
 * How the workflow runs one action: the activity type that does it (null when the workflow does it
 * itself, as it waits for an approval), the one that undoes it (null when what it makes lives only
 * in the run's workspace), its step class, its task queue, and the timeouts and retries of the step
 * and of its undo. The API writes it into each step of a run's plan, so a later change of an
 * action's declaration or of the step classes' configuration never changes a run in flight.
 *
 * @param limits the step's timeouts and retries; null in specs of the {@link LegacyActionCatalog},
 *     which take today's defaults of their step class
 * @param undoLimits the undo's; null likewise
 */
public record ActionSpec(
    String id,
    String activityType,
    String undoActivityType,
    StepClass stepClass,
    String taskQueue,
    StepLimits limits,
    StepLimits undoLimits) {

  /** Done by the workflow itself (it waits for people), with no activity of its own. */
  public boolean inWorkflow() {
    return activityType == null;
  }

  public boolean hasUndo() {
    return undoActivityType != null;
  }
}
