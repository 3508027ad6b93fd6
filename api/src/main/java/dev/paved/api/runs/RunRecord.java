package dev.paved.api.runs;

import dev.paved.workflows.goldenpath.RunProgress;
import dev.paved.workflows.steps.TemplatePlan;
import java.time.Instant;
import java.util.Map;

/**
 * Paved's own record of a run: what was asked, the plan it froze, and the latest progress its
 * workflow reported.
 */
public record RunRecord(
    String id,
    String template,
    String templateVersion,
    String serviceKey,
    String workflowId,
    String temporalRunId,
    String status,
    String requestedBy,
    Map<String, Object> parameters,
    TemplatePlan plan,
    RunProgress progress,
    String error,
    Instant createdAt,
    Instant updatedAt) {}
