package dev.paved.api.scorecards.waivers;

import java.time.Instant;
import java.util.List;

/**
 * A waiver as the API answers it.
 *
 * @param status {@code PENDING}, {@code APPROVED}, {@code REJECTED} or {@code EXPIRED}; an approved
 *     waiver past its expiry answers EXPIRED even before its workflow records it
 * @param approvers the groups whose members may decide
 */
public record WaiverView(
    String id,
    String scorecard,
    String rule,
    String entity,
    String owner,
    String reason,
    Instant expiresAt,
    String status,
    String requestedBy,
    Instant requestedAt,
    List<String> approvers,
    String decidedBy,
    Instant decidedAt,
    String comment) {}
