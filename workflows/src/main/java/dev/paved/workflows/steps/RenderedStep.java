package dev.paved.workflows.steps;

import java.util.Map;

/**
 * A step ready to run: {@code run} is false when its {@code if} was falsy; {@code input} has every
 * expression rendered.
 */
public record RenderedStep(boolean run, Map<String, Object> input) {

  public RenderedStep {
    input = input == null ? Map.of() : input;
  }
}
