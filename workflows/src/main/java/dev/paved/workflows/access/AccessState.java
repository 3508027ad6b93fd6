package dev.paved.workflows.access;

import dev.paved.workflows.approval.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The mutable state of one request, inside its workflow; {@link #snapshot()} is what others see.
 */
final class AccessState {

  private final AccessInput input;
  private final long requestedAt;
  private final List<Decision> decisions = new ArrayList<>();
  private AccessStatus status = AccessStatus.PENDING;
  private String grantRef;
  private Long grantedAt;
  private Long expiresAt;
  private Long endedAt;
  private String endedBy;
  private String endReason;
  private Long reviewDueAt;
  private boolean reviewOverdue;
  private String acknowledgedBy;
  private Long acknowledgedAt;
  private AccessAction revokeRequest;

  AccessState(AccessInput input, long requestedAt) {
    this.input = input;
    this.requestedAt = requestedAt;
  }

  /** The state a request had when it was last recorded; a revoke asked for since is not kept. */
  AccessState(AccessInput input, AccessSnapshot from) {
    this(input, from.requestedAt());
    decisions.addAll(from.decisions());
    status = from.status();
    grantRef = from.grantRef();
    grantedAt = from.grantedAt();
    expiresAt = from.expiresAt();
    endedAt = from.endedAt();
    endedBy = from.endedBy();
    endReason = from.endReason();
    reviewDueAt = from.reviewDueAt();
    reviewOverdue = from.reviewOverdue();
    acknowledgedBy = from.acknowledgedBy();
    acknowledgedAt = from.acknowledgedAt();
  }

  AccessSnapshot snapshot() {
    return new AccessSnapshot(
        input,
        status,
        decisions,
        requestedAt,
        grantRef,
        grantedAt,
        expiresAt,
        endedAt,
        endedBy,
        endReason,
        reviewDueAt,
        reviewOverdue,
        acknowledgedBy,
        acknowledgedAt);
  }

  AccessStatus status() {
    return status;
  }

  long requestedAt() {
    return requestedAt;
  }

  long approvals() {
    return decisions.stream().filter(Decision::approves).count();
  }

  /** Enough approvers have approved; the grant follows. */
  boolean approved() {
    return status == AccessStatus.PENDING && approvals() >= input.approvers().quorum();
  }

  Set<String> decidedBy() {
    return decisions.stream().map(Decision::user).collect(Collectors.toSet());
  }

  void decided(Decision decision) {
    decisions.add(decision);
    if (!decision.approves()) {
      ended(AccessStatus.REJECTED, decision.user(), "rejected", decision.decidedAt());
    }
  }

  void granted(String ref, long now) {
    status = AccessStatus.ACTIVE;
    grantRef = ref;
    grantedAt = now;
    expiresAt = now + input.duration().toMillis();
    if (input.breakGlass()) {
      reviewDueAt = now + input.reviewWindow().toMillis();
    }
  }

  String grantRef() {
    return grantRef;
  }

  Long expiresAt() {
    return expiresAt;
  }

  boolean granted() {
    return grantedAt != null;
  }

  void revokeRequested(AccessAction action) {
    revokeRequest = action;
  }

  AccessAction revokeRequest() {
    return revokeRequest;
  }

  void ended(AccessStatus end, String by, String reason, long now) {
    status = end;
    endedBy = by;
    endReason = reason;
    endedAt = now;
  }

  /** Whether a break-glass access still waits for its acknowledgement. */
  boolean reviewOpen() {
    return reviewDueAt != null && acknowledgedBy == null;
  }

  Long reviewDueAt() {
    return reviewDueAt;
  }

  boolean reviewOverdue() {
    return reviewOverdue;
  }

  void markReviewOverdue() {
    reviewOverdue = true;
  }

  String acknowledgedBy() {
    return acknowledgedBy;
  }

  boolean acknowledged() {
    return acknowledgedBy != null;
  }

  void acknowledged(String user, long now) {
    acknowledgedBy = user;
    acknowledgedAt = now;
  }
}
