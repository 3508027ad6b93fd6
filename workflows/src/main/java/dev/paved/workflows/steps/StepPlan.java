package dev.paved.workflows.steps;

import java.util.Map;
import java.util.Optional;

/**
 * One line of a template's {@code spec.steps}, as written: its input still holds {@code ${{ }}}
 * expressions, rendered just before the step runs.
 *
 * @param ifCondition the step's {@code if}, or null when it always runs
 * @param each the step's {@code each} (an expression, a list or an object), or null: the step then
 *     runs once per item, with {@code each.key} and {@code each.value} in its expressions
 * @param spec how the workflow runs the step's action, resolved by the API when it loaded the
 *     template; null in plans recorded before specs were part of the plan, which the workflow then
 *     looks up in the {@link LegacyActionCatalog}
 */
public record StepPlan(
    String id,
    String name,
    String action,
    Map<String, Object> input,
    String ifCondition,
    Object each,
    ActionSpec spec) {

  public StepPlan {
    input = input == null ? Map.of() : input;
  }

  /** A step whose spec the workflow looks up by its action id. */
  public StepPlan(
      String id,
      String name,
      String action,
      Map<String, Object> input,
      String ifCondition,
      Object each) {
    this(id, name, action, input, ifCondition, each, null);
  }

  /** A step without {@code each}. */
  public StepPlan(
      String id, String name, String action, Map<String, Object> input, String ifCondition) {
    this(id, name, action, input, ifCondition, null, null);
  }

  /** The step's spec: from the plan, or for an older plan from the frozen legacy table. */
  public Optional<ActionSpec> resolvedSpec() {
    return spec != null ? Optional.of(spec) : LegacyActionCatalog.find(action);
  }
}
