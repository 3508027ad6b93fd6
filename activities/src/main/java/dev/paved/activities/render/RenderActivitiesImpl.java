package dev.paved.activities.render;

import dev.paved.workflows.actions.RenderActivities;
import dev.paved.workflows.steps.RenderRequest;
import dev.paved.workflows.steps.RenderedStep;
import dev.paved.workflows.steps.StepPlan;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders a step's {@code if} and input, and the template's output, as local activities. */
public final class RenderActivitiesImpl implements RenderActivities {

  private final TemplateRenderer renderer;

  public RenderActivitiesImpl(TemplateRenderer renderer) {
    this.renderer = renderer;
  }

  /** Evaluates the step's {@code if} with Backstage's truthiness and renders its input. */
  @Override
  public RenderedStep renderStep(RenderRequest request) {
    StepPlan step = request.step();
    Map<String, Object> context = context(request);
    String where = "step '" + step.id() + "'";
    if (step.ifCondition() != null && !runs(step.ifCondition(), context, where + " if")) {
      return new RenderedStep(false, Map.of());
    }
    return new RenderedStep(true, renderer.renderMap(step.input(), context, where + " input"));
  }

  /** Renders the template's {@code spec.output} (links, text) with the run's final context. */
  @Override
  public Map<String, Object> renderOutput(RenderRequest request) {
    return renderer.renderMap(request.step().input(), context(request), "output");
  }

  private boolean runs(String condition, Map<String, Object> context, String where) {
    String written = condition.trim();
    // a YAML `if: false` reaches here as text; Backstage reads it as the boolean it was
    if (written.equals("false") || written.equals("true")) {
      return Boolean.parseBoolean(written);
    }
    return TemplateRenderer.isTruthy(renderer.render(condition, context, where));
  }

  static Map<String, Object> context(RenderRequest request) {
    Map<String, Object> steps = new LinkedHashMap<>();
    request
        .steps()
        .forEach(
            (id, output) -> steps.put(id, Map.of("output", output == null ? Map.of() : output)));
    String name = request.requestedBy() == null ? "" : request.requestedBy();
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("parameters", request.parameters());
    context.put("steps", steps);
    context.put(
        "user",
        Map.of("ref", "user:default/" + name, "entity", Map.of("metadata", Map.of("name", name))));
    return context;
  }
}
