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
 * @param onFailure what the run does when a step fails for good ({@code spec.onFailure})
 * @param output the template's {@code spec.output}, unrendered
 * @param pauseTimeout how long a paused run waits for an operator before it rolls back, as an
 *     ISO-8601 duration ({@code spec.pauseTimeout}); a string, so every JSON mapper reads it
 */
public record TemplatePlan(
    String name,
    String version,
    String location,
    FailurePolicy onFailure,
    List<StepPlan> steps,
    Map<String, Object> output,
    String pauseTimeout) {

  /** A week: long enough for an operator to come back from a weekend. */
  public static final String DEFAULT_PAUSE_TIMEOUT = "P7D";

  public TemplatePlan {
    steps = steps == null ? List.of() : List.copyOf(steps);
    output = output == null ? Map.of() : output;
    onFailure = onFailure == null ? FailurePolicy.PAUSE : onFailure;
    pauseTimeout = pauseTimeout == null ? DEFAULT_PAUSE_TIMEOUT : pauseTimeout;
  }

  /** A plan that pauses for the default time when it pauses at all. */
  public TemplatePlan(
      String name,
      String version,
      String location,
      FailurePolicy onFailure,
      List<StepPlan> steps,
      Map<String, Object> output) {
    this(name, version, location, onFailure, steps, output, null);
  }
}
