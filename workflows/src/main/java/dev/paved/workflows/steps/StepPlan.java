package dev.paved.workflows.steps;

import java.util.Map;

/**
 * One line of a template's {@code spec.steps}, as written: its input still holds {@code ${{ }}}
 * expressions, rendered just before the step runs.
 *
 * @param ifCondition the step's {@code if}, or null when it always runs
 */
public record StepPlan(
    String id, String name, String action, Map<String, Object> input, String ifCondition) {

  public StepPlan {
    input = input == null ? Map.of() : input;
  }
}
