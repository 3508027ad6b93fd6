package dev.paved.workflows.steps;

import java.util.Map;

/**
 * What an action made, as the template sees it in {@code steps['id'].output}. Never a secret value:
 * it is kept in workflow history.
 *
 * @param attempt the attempt that succeeded, 1 for the first; set by the worker, not by the action
 */
public record ActionResult(Map<String, Object> output, int attempt) {

  public ActionResult {
    output = output == null ? Map.of() : output;
  }

  public static ActionResult of(Map<String, Object> output) {
    return new ActionResult(output, 0);
  }

  public ActionResult withAttempt(int attempt) {
    return new ActionResult(output, attempt);
  }
}
