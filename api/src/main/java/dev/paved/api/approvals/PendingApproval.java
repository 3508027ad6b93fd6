package dev.paved.api.approvals;

import java.time.Instant;

/**
 * Something waiting for the current user's decision.
 *
 * @param kind {@code access-request}, {@code run} for a golden path's approval step, or {@code
 *     scorecard-waiver}
 * @param requestedAt when it began to wait for a decision
 * @param href where to read it; the decision goes to {@code <href>/approval}
 * @param page where a person reads it in the portal
 */
public record PendingApproval(
    String kind,
    String id,
    String summary,
    String requestedBy,
    Instant requestedAt,
    String href,
    String page) {}
