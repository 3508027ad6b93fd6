package dev.paved.activities.actions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paved.activities.support.PlannedStep;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.StepClass;
import dev.paved.workflows.steps.TaskQueues;
import java.util.List;
import java.util.Map;

/**
 * One action, declared once, in a package named after its id ({@code publish:github} in {@code
 * dev.paved.activities.actions.publish.github}): what templates call, what it takes and gives (the
 * resources {@code input.schema.json}, {@code output.schema.json} and {@code example.yaml} beside
 * the class), how the workflow runs it, how a worker makes its activities and how a dry run
 * previews it. Listed once in {@link Actions}.
 */
public interface ActionDeclaration {

  /** The id templates write in {@code action:}. */
  String id();

  /** One or two sentences for the actions reference and {@code GET /api/v1/actions}. */
  String description();

  /** The activity type that does the action; null when the workflow does it itself. */
  String activityType();

  /** The activity type that undoes it; null when what it makes lives only in the workspace. */
  default String undoActivityType() {
    return null;
  }

  /** Its family of timeouts and retries (configured per class by the API). */
  StepClass stepClass();

  default String taskQueue() {
    return TaskQueues.GOLDEN_PATH;
  }

  /**
   * The activity implementation a golden-path worker registers for it, made from the worker's
   * providers; null when it runs elsewhere (the workflow, or the API's queue). Actions sharing an
   * implementation class return the same class: the worker registers each class once.
   */
  default Object activities(ActionContext context) {
    return null;
  }

  /** What the step would make, made without changing anything outside the dry run's workspace. */
  PlannedStep preview(ActionRequest request, PreviewContext context);

  /** The JSON Schema (draft-07) of its input, with Paved's extensions ({@link ActionSchemas}). */
  default JsonNode inputSchema() {
    return ActionResources.json(getClass(), "input.schema.json");
  }

  /** The JSON Schema (draft-07) of its output. */
  default JsonNode outputSchema() {
    return ActionResources.json(getClass(), "output.schema.json");
  }

  /** Its documented examples: a description and a template's {@code steps:} as YAML text. */
  default List<Map<String, String>> examples() {
    return ActionResources.examples(getClass());
  }
}
