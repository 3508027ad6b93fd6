package dev.paved.activities.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A service's dashboard, ready for a provider.
 *
 * @param owner the owning team as the step names it; Grafana files the dashboard in its folder
 * @param name the service's name; the local provider's file is {@code <targetPath>/<name>.json}
 * @param targetPath the workspace folder the local provider writes into
 * @param dashboard the complete Grafana dashboard model
 */
public record DashboardRequest(
    String runId,
    String serviceKey,
    String owner,
    String name,
    String uid,
    String title,
    String targetPath,
    ObjectNode dashboard) {}
