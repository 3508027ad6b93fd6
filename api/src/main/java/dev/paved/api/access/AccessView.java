package dev.paved.api.access;

import dev.paved.workflows.access.AccessInput;
import dev.paved.workflows.access.AccessSnapshot;
import dev.paved.workflows.approval.Decision;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** An access request as the API answers it (the provider's grant reference stays inside). */
record AccessView(
    String id,
    String service,
    String environment,
    String role,
    String reason,
    String duration,
    String requestedBy,
    boolean breakGlass,
    String status,
    Approvers approvers,
    List<DecisionView> decisions,
    Instant grantedAt,
    Instant expiresAt,
    Instant endedAt,
    String endedBy,
    String endReason,
    Instant reviewDueAt,
    boolean reviewOverdue,
    String acknowledgedBy,
    Instant acknowledgedAt,
    Instant createdAt,
    Instant updatedAt) {

  /** Who may approve: members of these groups, this many of them. */
  record Approvers(List<String> groups, int quorum, long approvals) {}

  @Schema(name = "AccessDecision")
  record DecisionView(String by, String decision, String comment, Instant at) {}

  static AccessView of(AccessStore.Stored stored, Instant now) {
    AccessSnapshot s = stored.snapshot();
    AccessInput r = s.request();
    // overdue by the clock too: the workflow's own timer may not have fired yet
    boolean overdue =
        s.reviewOverdue()
            || (s.reviewDueAt() != null
                && s.acknowledgedBy() == null
                && now.toEpochMilli() > s.reviewDueAt());
    return new AccessView(
        r.requestId(),
        r.service(),
        r.environment(),
        r.role(),
        r.reason(),
        r.duration().toString(),
        r.requestedBy(),
        r.breakGlass(),
        s.status().name(),
        new Approvers(r.approvers().groups(), r.approvers().quorum(), s.approvals()),
        s.decisions().stream().map(AccessView::decision).toList(),
        instant(s.grantedAt()),
        instant(s.expiresAt()),
        instant(s.endedAt()),
        s.endedBy(),
        s.endReason(),
        instant(s.reviewDueAt()),
        overdue,
        s.acknowledgedBy(),
        instant(s.acknowledgedAt()),
        stored.createdAt(),
        stored.updatedAt());
  }

  private static DecisionView decision(Decision d) {
    return new DecisionView(
        d.user(), d.decision(), d.comment(), Instant.ofEpochMilli(d.decidedAt()));
  }

  private static Instant instant(Long epochMillis) {
    return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
  }
}
