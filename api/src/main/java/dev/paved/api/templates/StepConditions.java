package dev.paved.api.templates;

/** A step's {@code if} as written in YAML, kept with the meaning Backstage gives it. */
final class StepConditions {

  private StepConditions() {}

  /**
   * The condition the run renders, or null when the step always runs. Backstage skips a step whose
   * {@code if} is the boolean {@code false}, renders a string, and runs a step whose {@code if} is
   * any other value ({@code true}, a number): the boolean becomes an expression so it is not read
   * as the text "false", which Backstage would run.
   */
  static String ifCondition(Object condition) {
    if (Boolean.FALSE.equals(condition)) {
      return "${{ false }}";
    }
    return condition instanceof String text ? text : null;
  }
}
