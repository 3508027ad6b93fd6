package dev.paved.activities.render;

import dev.paved.activities.support.StepFailures;
import dev.paved.workflows.actions.RenderActivities;
import dev.paved.workflows.steps.RenderRequest;
import dev.paved.workflows.steps.RenderedEach;
import dev.paved.workflows.steps.RenderedStep;
import dev.paved.workflows.steps.StepPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a step's {@code if} and input, and the template's output, as local activities. The
 * renders run on the renderer's own threads under its limits, booked to the workflow run.
 */
public final class RenderActivitiesImpl implements RenderActivities {

  /** One run of one step is one activity call each; a template cannot start thousands. */
  static final int MAX_ITERATIONS = 100;

  private final TemplateRenderer renderer;

  public RenderActivitiesImpl(TemplateRenderer renderer) {
    this.renderer = renderer;
  }

  /** Evaluates the step's {@code if} with Backstage's truthiness and renders its input. */
  @Override
  public RenderedStep renderStep(RenderRequest request) {
    try (var run = renderer.forCurrentRun()) {
      return renderStepInRun(request);
    }
  }

  private RenderedStep renderStepInRun(RenderRequest request) {
    StepPlan step = request.step();
    Map<String, Object> context = context(request);
    String where = "step '" + step.id() + "'";
    if (step.ifCondition() != null && !runs(step.ifCondition(), context, where + " if")) {
      return new RenderedStep(false, Map.of());
    }
    return new RenderedStep(true, renderer.renderMap(step.input(), context, where + " input"));
  }

  /**
   * Renders {@code each} (a list, or an object whose entries are the items), then each item's
   * {@code if} and input with {@code each.key} and {@code each.value}, as Backstage does.
   */
  @Override
  public RenderedEach renderEach(RenderRequest request) {
    try (var run = renderer.forCurrentRun()) {
      return renderEachInRun(request);
    }
  }

  private RenderedEach renderEachInRun(RenderRequest request) {
    StepPlan step = request.step();
    Map<String, Object> context = context(request);
    String where = "step '" + step.id() + "'";
    Object items = renderer.render(step.each(), context, where + " each");
    List<RenderedEach.Iteration> iterations = new ArrayList<>();
    for (Map.Entry<String, Object> item : items(items, where).entrySet()) {
      Map<String, Object> each = new LinkedHashMap<>();
      each.put("key", item.getKey());
      each.put("value", item.getValue());
      Map<String, Object> itemContext = new LinkedHashMap<>(context);
      itemContext.put("each", each);
      String at = where + " [" + item.getKey() + "]";
      boolean run = step.ifCondition() == null || runs(step.ifCondition(), itemContext, at + " if");
      Map<String, Object> input =
          run ? renderer.renderMap(step.input(), itemContext, at + " input") : Map.of();
      iterations.add(new RenderedEach.Iteration(item.getKey(), run, input));
    }
    return new RenderedEach(iterations);
  }

  /** Renders the template's {@code spec.output} (links, text) with the run's final context. */
  @Override
  public Map<String, Object> renderOutput(RenderRequest request) {
    try (var run = renderer.forCurrentRun()) {
      return renderer.renderMap(request.step().input(), context(request), "output");
    }
  }

  /**
   * Backstage renders the condition like any value (so {@code ${{ false }}} is the boolean, and a
   * literal text such as {@code 'false'} is a non-empty string) and applies its truthiness.
   */
  private boolean runs(String condition, Map<String, Object> context, String where) {
    return TemplateRenderer.isTruthy(renderer.render(condition, context, where));
  }

  /** The items of {@code each} by key: a list's keys are "0", "1", ... as Object.entries gives. */
  private static Map<String, Object> items(Object rendered, String where) {
    Map<String, Object> items = new LinkedHashMap<>();
    if (rendered instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        items.put(String.valueOf(i), list.get(i));
      }
    } else if (rendered instanceof Map<?, ?> map) {
      map.forEach((key, value) -> items.put(String.valueOf(key), value));
    } else if (rendered == null || !TemplateRenderer.isTruthy(rendered)) {
      throw StepFailures.invalidInput(where + " each: cannot be resolved to a value");
    } else {
      throw StepFailures.invalidInput(
          where + " each: must be a list or an object, got " + TemplateFilter.kind(rendered));
    }
    if (items.size() > MAX_ITERATIONS) {
      throw StepFailures.invalidInput(
          where + " each: " + items.size() + " items, more than " + MAX_ITERATIONS);
    }
    return items;
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
