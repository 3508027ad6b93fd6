package dev.paved.workflows.steps;

import java.util.Map;

/**
 * One line of a template's {@code spec.steps}, as written: its input still holds {@code ${{ }}}
 * expressions, rendered just before the step runs.
 *
 * @param ifCondition the step's {@code if}, or null when it always runs
 * @param each the step's {@code each} (an expression, a list or an object), or null: the step then
 *     runs once per item, with {@code each.key} and {@code each.value} in its expressions
 */
public record StepPlan(
    String id,
    String name,
    String action,
    Map<String, Object> input,
    String ifCondition,
    Object each) {

  public StepPlan {
    input = input == null ? Map.of() : input;
  }

  /** A step without {@code each}. */
  public StepPlan(
      String id, String name, String action, Map<String, Object> input, String ifCondition) {
    this(id, name, action, input, ifCondition, null);
  }
}
