package dev.paved.api.dryrun;

import dev.paved.activities.render.RenderActivitiesImpl;
import dev.paved.activities.support.PlannedStep;
import dev.paved.api.actions.ActionRegistry;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.RenderRequest;
import dev.paved.workflows.steps.RenderedEach;
import dev.paved.workflows.steps.RenderedStep;
import dev.paved.workflows.steps.StepPlan;
import dev.paved.workflows.steps.TemplatePlan;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a template's steps as a run would (render, {@code if}, {@code each}, outputs for later
 * steps), planning each action instead of running it; the first refusal ends the walk.
 */
final class DryRunner {

  static final String RUN_ID = DryRunService.RUN_ID;

  private final RenderActivitiesImpl render;
  private final StepPreviews previews;
  private final String serviceKey;
  private final String user;
  private final Map<String, Map<String, Object>> outputs = new LinkedHashMap<>();
  final List<DryRunReport.Step> steps = new ArrayList<>();
  final List<Map<String, Object>> resources = new ArrayList<>();
  Map<String, Object> output = Map.of();
  ApplicationFailure failure;

  DryRunner(RenderActivitiesImpl render, StepPreviews previews, String serviceKey, String user) {
    this.render = render;
    this.previews = previews;
    this.serviceKey = serviceKey;
    this.user = user;
  }

  /** Plans every step, then renders the output; stops at the first step that fails. */
  void run(TemplatePlan plan, Map<String, Object> parameters) {
    for (StepPlan step : plan.steps()) {
      if (failure != null) {
        steps.add(view(step, "PENDING", null, Map.of(), null));
        continue;
      }
      try {
        steps.add(plan(plan, step, parameters));
      } catch (ApplicationFailure e) {
        failure = e;
        steps.add(view(step, "FAILED", null, Map.of(), e.getOriginalMessage()));
      }
    }
    if (failure == null) {
      StepPlan spec = new StepPlan("output", "output", "output", plan.output(), null);
      output = render.renderOutput(new RenderRequest(spec, parameters, outputs, user));
    }
  }

  /** The id of the step that failed, or null. */
  String failedStep() {
    return steps.stream()
        .filter(step -> "FAILED".equals(step.status()))
        .map(DryRunReport.Step::id)
        .findFirst()
        .orElse(null);
  }

  private DryRunReport.Step plan(TemplatePlan plan, StepPlan step, Map<String, Object> parameters) {
    if (ActionRegistry.find(step.action()).isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "unknown action '" + step.action() + "'", "InvalidInput");
    }
    RenderRequest request = new RenderRequest(step, parameters, outputs, user);
    if (step.each() == null) {
      RenderedStep rendered = render.renderStep(request);
      if (!rendered.run()) {
        return view(step, "SKIPPED", null, Map.of(), null);
      }
      Map<String, Object> stepOutput = preview(plan, step, rendered.input());
      outputs.put(step.id(), stepOutput);
      return view(step, "PLANNED", rendered.input(), stepOutput, null);
    }
    RenderedEach rendered = render.renderEach(request);
    List<Map<String, Object>> items = new ArrayList<>();
    Map<String, List<Object>> collected = new LinkedHashMap<>();
    for (RenderedEach.Iteration iteration : rendered.iterations()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("key", iteration.key());
      item.put("runs", iteration.run());
      item.put("input", iteration.input());
      items.add(item);
      if (iteration.run()) {
        preview(plan, step, iteration.input())
            .forEach(
                (name, value) ->
                    collected.computeIfAbsent(name, n -> new ArrayList<>()).add(value));
      }
    }
    Map<String, Object> stepOutput = new LinkedHashMap<>(collected);
    outputs.put(step.id(), stepOutput);
    boolean ran = items.stream().anyMatch(item -> Boolean.TRUE.equals(item.get("runs")));
    return view(step, ran ? "PLANNED" : "SKIPPED", items, stepOutput, null);
  }

  private Map<String, Object> preview(TemplatePlan plan, StepPlan step, Map<String, Object> input) {
    PlannedStep planned =
        previews.preview(
            new ActionRequest(
                RUN_ID, serviceKey, step.id(), step.action(), input, plan.location(), user));
    for (Map<String, Object> resource : planned.resources()) {
      Map<String, Object> withStep = new LinkedHashMap<>();
      withStep.put("step", step.id());
      withStep.putAll(resource);
      resources.add(withStep);
    }
    return planned.output();
  }

  private static DryRunReport.Step view(
      StepPlan step, String status, Object input, Map<String, Object> output, String error) {
    return new DryRunReport.Step(
        step.id(), step.name(), step.action(), status, input, output, error);
  }
}
