package dev.paved.workflows.actions;

import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import io.temporal.activity.ActivityInterface;

/** The service's Grafana dashboard ({@code paved:grafana:dashboard}). */
@ActivityInterface
public interface DashboardActivities {

  /** Makes (or updates) the dashboard under the service's stable uid. */
  ActionResult grafanaDashboard(ActionRequest request);

  /** Deletes the dashboard made for this service. */
  void undoGrafanaDashboard(ActionRequest request);
}
