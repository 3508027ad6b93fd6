package dev.paved.workflows.steps;

import java.util.List;
import java.util.Map;

/**
 * A step with {@code each}, rendered once per item of its list or object, in order.
 *
 * @param iterations one per item; an iteration whose {@code if} was falsy does not run
 */
public record RenderedEach(List<Iteration> iterations) {

  public RenderedEach {
    iterations = iterations == null ? List.of() : List.copyOf(iterations);
  }

  /**
   * One item: its key ({@code "0"}, {@code "1"}, ... for a list, as Backstage numbers them),
   * whether it runs, and the step's input rendered with {@code each} set to it.
   */
  public record Iteration(String key, boolean run, Map<String, Object> input) {

    public Iteration {
      input = input == null ? Map.of() : input;
    }
  }
}
