package dev.paved.workflows.steps;

import java.util.Map;

/**
 * What an action made, as the template sees it in {@code steps['id'].output}. Never a secret value:
 * it is kept in workflow history.
 *
 * @param attempt the attempt that succeeded, 1 for the first; set by the worker, not by the action
 * @param effects what the step made, when its activity tracks it ({@link EffectsLedger}); null when
 *     it does not, and then its undo always runs
 */
public record ActionResult(Map<String, Object> output, int attempt, StepEffects effects) {

  public ActionResult {
    output = output == null ? Map.of() : output;
  }

  /** A result whose action does not report what it made (results recorded before it did). */
  public ActionResult(Map<String, Object> output, int attempt) {
    this(output, attempt, null);
  }

  public static ActionResult of(Map<String, Object> output) {
    return new ActionResult(output, 0, null);
  }

  public ActionResult withAttempt(int attempt) {
    return new ActionResult(output, attempt, effects);
  }

  /** With what the step made; null (not tracked) keeps the action's own report, if any. */
  public ActionResult withEffects(StepEffects reported) {
    return reported == null ? this : new ActionResult(output, attempt, reported);
  }
}
