package dev.paved.activities.dashboard;

/**
 * A dashboard as the template sees it.
 *
 * @param path where it is: a workspace path locally, the dashboard's URL path in Grafana
 * @param url the dashboard's address in Grafana, or null when it is a file in the GitOps change
 */
public record PublishedDashboard(String uid, String path, String title, String url) {}
