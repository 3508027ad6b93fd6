package dev.paved.workflows.steps;

import java.util.Map;

/**
 * What an action's activity (and its undo) receives: the step's rendered input and the ids that
 * make the call idempotent.
 *
 * @param runId the run; names the run's workspace
 * @param serviceKey what the run makes things for (for example {@code team-payments/checkout});
 *     every resource an action makes is marked with it, so a retry or a re-run adopts it and
 *     nothing made for another service is ever adopted or undone
 * @param stepId the step's id in the template
 * @param action the action id, for example {@code publish:github}
 * @param input the step's input with every expression rendered
 * @param templateLocation the folder of the template, for actions that read files next to it
 * @param requestedBy the user who started the run
 */
public record ActionRequest(
    String runId,
    String serviceKey,
    String stepId,
    String action,
    Map<String, Object> input,
    String templateLocation,
    String requestedBy) {

  public ActionRequest {
    input = input == null ? Map.of() : input;
  }

  /** Whether the run names what it makes things for; an action that marks resources needs it. */
  public boolean hasServiceKey() {
    return serviceKey != null && !serviceKey.isBlank();
  }
}
