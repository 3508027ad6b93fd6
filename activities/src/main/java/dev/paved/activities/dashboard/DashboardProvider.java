package dev.paved.activities.dashboard;

/**
 * Where services' dashboards go: JSON files in the run's GitOps change (dashboards as code, {@link
 * LocalDashboardProvider}) or Grafana's HTTP API ({@link GrafanaDashboardProvider}). Both calls are
 * idempotent and keyed by the dashboard's stable uid.
 */
public interface DashboardProvider {

  /** Makes or replaces the dashboard under its uid. */
  PublishedDashboard publish(DashboardRequest request);

  /** Deletes the dashboard if it exists and was made for the request's service by its run. */
  void delete(DashboardRequest request);
}
