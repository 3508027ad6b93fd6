package dev.paved.activities.actions.grafana.dashboard;

import dev.paved.activities.actions.Action;
import dev.paved.activities.actions.ActionContext;
import dev.paved.activities.actions.PreviewContext;
import dev.paved.activities.dashboard.DashboardActivitiesImpl;
import dev.paved.activities.dashboard.LocalDashboardProvider;
import dev.paved.activities.support.PlannedStep;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import dev.paved.workflows.steps.StepClass;

/**
 * {@code paved:grafana:dashboard}: the service's Grafana dashboard (request rate, error rate,
 * latency), under a uid stable across runs; locally a JSON file of the GitOps change. Undo: deletes
 * the dashboard if this run made it.
 */
public final class GrafanaDashboardAction extends Action {

  public GrafanaDashboardAction() {
    super(
        "paved:grafana:dashboard",
        "The service's Grafana dashboard (request rate, error rate, latency), under a uid stable across runs; locally a JSON file of the GitOps change. Undo: deletes the dashboard if this run made it.",
        "GrafanaDashboard",
        StepClass.EXTERNAL);
  }

  @Override
  public String undoActivityType() {
    return "UndoGrafanaDashboard";
  }

  @Override
  public Object activities(ActionContext context) {
    return new DashboardActivitiesImpl(context.dashboards());
  }

  @Override
  public PlannedStep preview(ActionRequest request, PreviewContext context) {
    ActionContext providers = context.providers();
    PlannedStep planned = new DashboardActivitiesImpl(providers.dashboards()).plan(request);
    // Local dashboards are files of the GitOps change: written there too, as the run would.
    if (providers.dashboards() instanceof LocalDashboardProvider) {
      ActionResult written =
          new DashboardActivitiesImpl(new LocalDashboardProvider(context.workspaces()))
              .grafanaDashboard(request);
      return new PlannedStep(written.output(), planned.resources());
    }
    return planned;
  }
}
