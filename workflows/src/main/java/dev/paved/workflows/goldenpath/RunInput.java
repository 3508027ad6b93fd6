package dev.paved.workflows.goldenpath;

import dev.paved.workflows.steps.TemplatePlan;
import java.util.Map;

/**
 * Everything a run needs, frozen when it starts.
 *
 * @param runId Paved's id of the run, shown by the API
 * @param serviceKey what the run makes things for; marks every resource it makes
 * @param parameters the validated form values, defaults applied
 */
public record RunInput(
    String runId,
    String serviceKey,
    String requestedBy,
    TemplatePlan template,
    Map<String, Object> parameters) {

  public RunInput {
    parameters = parameters == null ? Map.of() : parameters;
  }
}
