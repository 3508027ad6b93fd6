package dev.paved.activities.dashboard;

/**
 * Where services' dashboards go: JSON files in the run's GitOps change now (dashboards as code),
 * Grafana's HTTP API later. Both calls are idempotent and keyed by the dashboard's stable uid.
 */
public interface DashboardProvider {

  /** Makes or replaces the dashboard under its uid. */
  PublishedDashboard publish(DashboardRequest request);

  /** Deletes the dashboard if it exists and was made for the request's service. */
  void delete(DashboardRequest request);
}
