package dev.paved.workflows.steps;

import java.util.Map;

/**
 * What rendering a step needs: the step as written and the run's context ({@code parameters}, the
 * outputs of earlier {@code steps}, the {@code user}).
 */
public record RenderRequest(
    StepPlan step,
    Map<String, Object> parameters,
    Map<String, Map<String, Object>> steps,
    String requestedBy) {

  public RenderRequest {
    parameters = parameters == null ? Map.of() : parameters;
    steps = steps == null ? Map.of() : steps;
  }
}
