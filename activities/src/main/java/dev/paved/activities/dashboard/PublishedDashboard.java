package dev.paved.activities.dashboard;

/**
 * A dashboard as the template sees it.
 *
 * @param path where it is: a workspace path locally, the dashboard's URL path in Grafana
 */
public record PublishedDashboard(String uid, String path, String title) {}
