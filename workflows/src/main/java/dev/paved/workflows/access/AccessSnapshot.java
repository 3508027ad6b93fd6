package dev.paved.workflows.access;

import dev.paved.workflows.approval.Decision;
import java.util.List;

/**
 * A request as its workflow knows it: what was asked, every decision, the grant and its end, and
 * the break-glass review. Times are epoch milliseconds (workflow time), null until they happen.
 *
 * @param grantRef how the provider finds the grant again (a Vault token accessor, a local record
 *     id); never a secret
 * @param endReason why it ended, in a sentence
 * @param reviewDueAt when the owning team must have acknowledged a break-glass access
 * @param reviewOverdue the review window passed without an acknowledgement
 */
public record AccessSnapshot(
    AccessInput request,
    AccessStatus status,
    List<Decision> decisions,
    long requestedAt,
    String grantRef,
    Long grantedAt,
    Long expiresAt,
    Long endedAt,
    String endedBy,
    String endReason,
    Long reviewDueAt,
    boolean reviewOverdue,
    String acknowledgedBy,
    Long acknowledgedAt) {

  public AccessSnapshot {
    decisions = decisions == null ? List.of() : List.copyOf(decisions);
  }

  /** The first snapshot of a request, before its workflow has started. */
  public static AccessSnapshot requested(AccessInput request, long requestedAt) {
    return new AccessSnapshot(
        request,
        AccessStatus.PENDING,
        List.of(),
        requestedAt,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        false,
        null,
        null);
  }

  public long approvals() {
    return decisions.stream().filter(Decision::approves).count();
  }
}
