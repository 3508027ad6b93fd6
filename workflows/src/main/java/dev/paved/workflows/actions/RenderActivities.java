package dev.paved.workflows.actions;

import dev.paved.workflows.steps.RenderRequest;
import dev.paved.workflows.steps.RenderedEach;
import dev.paved.workflows.steps.RenderedStep;
import io.temporal.activity.ActivityInterface;
import java.util.Map;

/**
 * Renders template expressions, run as local activities: the template engine stays out of workflow
 * code, and the rendered values are recorded in history so replay never renders again.
 */
@ActivityInterface
public interface RenderActivities {

  /**
   * Evaluates the step's {@code if} and renders its input; InvalidInput when an expression fails.
   */
  RenderedStep renderStep(RenderRequest request);

  /**
   * Renders a step with {@code each}: its list or object, then for every item the step's {@code if}
   * and input with {@code each.key} and {@code each.value} set. InvalidInput when {@code each} is
   * not a list or an object, or when an expression fails.
   */
  RenderedEach renderEach(RenderRequest request);

  /** Renders the template's {@code spec.output} (links, text) once every step is done. */
  Map<String, Object> renderOutput(RenderRequest request);
}
