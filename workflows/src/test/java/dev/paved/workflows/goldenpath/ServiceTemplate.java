package dev.paved.workflows.goldenpath;

import dev.paved.workflows.steps.ActionSpec;
import dev.paved.workflows.steps.FailurePolicy;
import dev.paved.workflows.steps.LegacyActionCatalog;
import dev.paved.workflows.steps.StepLimits;
import dev.paved.workflows.steps.StepPlan;
import dev.paved.workflows.steps.TemplatePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The golden path the tests run: a service's skeleton, repository, dashboard (optional), secrets,
 * manifests and catalog entry; steps with and without undo, on both task queues.
 */
final class ServiceTemplate {

  static final String RUN_ID = "run-1";
  static final String SERVICE_KEY = "team-payments/checkout";
  static final String WORKFLOW_ID = "service:team-payments/checkout";
  static final String REQUESTED_BY = "user:default/alice";
  static final String LOCATION = "templates/service";

  static final String REMOTE_URL = "https://git.local/acme/checkout.git";
  static final String CONTENTS_URL = REMOTE_URL + "/blob/main";

  private ServiceTemplate() {}

  static List<StepPlan> steps() {
    return List.of(
        new StepPlan(
            "fetch",
            "Fetch skeleton",
            "fetch:template",
            Map.of("url", "./skeleton", "values", Map.of("name", "${{ parameters.name }}")),
            null),
        new StepPlan(
            "publish",
            "Publish",
            "publish:github",
            Map.of("repoUrl", "github.com?owner=acme&repo=${{ parameters.name }}"),
            null),
        new StepPlan(
            "dashboard",
            "Dashboard",
            "paved:grafana:dashboard",
            Map.of("name", "${{ parameters.name }}", "owner", "${{ parameters.owner }}"),
            "${{ parameters.dashboard }}"),
        new StepPlan(
            "secrets",
            "Secrets",
            "paved:vault:secrets",
            Map.of("name", "${{ parameters.name }}", "owner", "${{ parameters.owner }}"),
            null),
        new StepPlan(
            "manifests",
            "Manifests",
            "paved:k8s:manifests",
            Map.of(
                "name", "${{ parameters.name }}",
                "image", "${{ steps['publish'].output.remoteUrl }}",
                "secretPath", "${{ steps['secrets'].output.path }}"),
            null),
        new StepPlan(
            "register",
            "Register",
            "catalog:register",
            Map.of("repoContentsUrl", "${{ steps['publish'].output.repoContentsUrl }}"),
            null));
  }

  static Map<String, Object> output() {
    return Map.of("text", "Repository: ${{ steps['publish'].output.remoteUrl }}");
  }

  static RunInput run(boolean withDashboard) {
    return run(steps(), withDashboard);
  }

  static RunInput run(List<StepPlan> steps, boolean withDashboard) {
    TemplatePlan plan =
        new TemplatePlan(
            "service", "sha256:test", LOCATION, FailurePolicy.ROLLBACK, steps, output());
    return new RunInput(RUN_ID, SERVICE_KEY, REQUESTED_BY, plan, parameters(withDashboard));
  }

  /** The run with {@code onFailure: pause} and the given pause timeout (null for the default). */
  static RunInput pausing(List<StepPlan> steps, Map<String, Object> parameters, String timeout) {
    TemplatePlan plan =
        new TemplatePlan(
            "service", "sha256:test", LOCATION, FailurePolicy.PAUSE, steps, output(), timeout);
    return new RunInput(RUN_ID, SERVICE_KEY, REQUESTED_BY, plan, parameters);
  }

  static RunInput pausing() {
    return pausing(steps(), parameters(true), null);
  }

  static Map<String, Object> parameters(boolean withDashboard) {
    return Map.of("name", "checkout", "owner", "team-payments", "dashboard", withDashboard);
  }

  /** The template with one step swapped for another, for the defensive paths. */
  static List<StepPlan> withStep(int index, StepPlan step) {
    List<StepPlan> steps = new ArrayList<>(steps());
    steps.set(index, step);
    return steps;
  }

  /** The steps with their spec in the plan, as the API writes it since actions are declared. */
  static List<StepPlan> withSpecs(List<StepPlan> steps) {
    return steps.stream()
        .map(
            s ->
                new StepPlan(
                    s.id(), s.name(), s.action(), s.input(), s.ifCondition(), s.each(), spec(s)))
        .toList();
  }

  private static ActionSpec spec(StepPlan step) {
    ActionSpec known = LegacyActionCatalog.find(step.action()).orElseThrow();
    return new ActionSpec(
        known.id(),
        known.activityType(),
        known.undoActivityType(),
        known.stepClass(),
        known.taskQueue(),
        StepLimits.defaults(known.stepClass()),
        StepLimits.undoDefaults());
  }
}
