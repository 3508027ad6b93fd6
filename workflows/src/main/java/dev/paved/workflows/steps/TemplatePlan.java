package dev.paved.workflows.steps;

import java.util.List;
import java.util.Map;

/**
 * A template frozen into a run's input when the run starts, so a later edit of the template never
 * changes the run or its replay.
 *
 * @param name the template's {@code metadata.name}
 * @param version a content hash of the template as loaded
 * @param location the folder the template was loaded from; {@code fetch:*} actions resolve their
 *     relative {@code url} against it
 * @param onFailure what the run does when a step fails for good
 * @param output the template's {@code spec.output}, unrendered
 */
public record TemplatePlan(
    String name,
    String version,
    String location,
    FailurePolicy onFailure,
    List<StepPlan> steps,
    Map<String, Object> output) {

  public TemplatePlan {
    steps = steps == null ? List.of() : List.copyOf(steps);
    output = output == null ? Map.of() : output;
    onFailure = onFailure == null ? FailurePolicy.ROLLBACK : onFailure;
  }
}
