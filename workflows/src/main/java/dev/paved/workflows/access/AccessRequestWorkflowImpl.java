package dev.paved.workflows.access;

import dev.paved.workflows.approval.Decision;
import dev.paved.workflows.approval.DecisionRequest;
import dev.paved.workflows.audit.AuditEntry;
import dev.paved.workflows.steps.StepOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A production-access request: waits for its approvals (or grants at once for break-glass), holds
 * the grant for its duration on a durable timer, revokes it, and for break-glass waits for the
 * owning team's review. Update handlers change the state; the main thread does all the I/O.
 */
public class AccessRequestWorkflowImpl implements AccessRequestWorkflow {

  private static final String PAVED = AuditEntry.PAVED;

  private final GrantActivities grants =
      Workflow.newActivityStub(GrantActivities.class, StepOptions.forGrant());
  private final GrantActivities revocations =
      Workflow.newActivityStub(GrantActivities.class, StepOptions.forRevoke());

  private final AccessInput input;
  private final AccessResume resumeFrom;
  private final AccessState state;
  private final AccessJournal journal;

  /**
   * Builds the state (and the request's first audit entry) before any update can arrive; a resumed
   * request starts from where it stood, and its audit entries go on from the last one recorded.
   */
  @WorkflowInit
  public AccessRequestWorkflowImpl(AccessInput input, AccessResume resumeFrom) {
    this.input = input;
    this.resumeFrom = resumeFrom;
    this.state =
        resumeFrom == null
            ? new AccessState(input, Workflow.currentTimeMillis())
            : new AccessState(input, resumeFrom.snapshot());
    this.journal =
        new AccessJournal(
            input, state::snapshot, resumeFrom == null ? 0 : resumeFrom.auditSequence());
    // here, not in run(): an update in the first workflow task is handled before run() starts
    if (nothingRecordedBefore()) {
      note(input.requestedBy(), "access.requested", requestDetail());
    }
    if (resumeFrom != null) {
      note(PAVED, "access.recovered", Map.of("status", state.status().name()));
    }
  }

  @Override
  public AccessSnapshot run(AccessInput ignored, AccessResume alsoIgnored) {
    try {
      // a resumed request that was granted already holds its grant: it is never made twice
      if (resumeFrom == null || state.status() == AccessStatus.PENDING) {
        if (input.breakGlass()) {
          if (nothingRecordedBefore()) {
            note(input.requestedBy(), "access.break-glass", Map.of("notified", approverGroups()));
          }
          grant();
        } else if (awaitDecision()) {
          grant();
        }
      }
      if (state.status() == AccessStatus.ACTIVE) {
        holdUntilEnd();
      }
      if (state.reviewOpen()) {
        awaitReview();
      }
    } catch (CanceledFailure e) {
      Workflow.newDetachedCancellationScope(this::cancelledFromOutside).run();
    }
    Workflow.newDetachedCancellationScope(
            () -> journal.awaitUntil(AccessJournal.FOREVER, Workflow::isEveryHandlerFinished))
        .run();
    return state.snapshot();
  }

  /** True once approved; false when rejected, cancelled, or expired without a decision. */
  private boolean awaitDecision() {
    long deadline = state.requestedAt() + input.pendingTimeout().toMillis();
    if (journal.awaitUntil(
        deadline, () -> state.status() != AccessStatus.PENDING || state.approved())) {
      return state.approved();
    }
    String reason = "no decision within " + input.pendingTimeout();
    state.ended(AccessStatus.EXPIRED, PAVED, reason, now());
    note(PAVED, "access.expired", Map.of("reason", reason));
    return false;
  }

  private void grant() {
    try {
      GrantResult result = grants.grantAccess(GrantRequest.of(input));
      state.granted(result.grantRef(), now());
      note(
          PAVED,
          "access.granted",
          Map.of(
              "provider", result.provider(),
              "grant", result.grantRef(),
              "expiresAt", Instant.ofEpochMilli(state.expiresAt()).toString()));
    } catch (ActivityFailure e) {
      String why = AccessJournal.message(e);
      state.ended(AccessStatus.FAILED, PAVED, "the grant failed: " + why, now());
      note(PAVED, "access.grant-failed", Map.of("error", why));
    }
  }

  /** Holds the grant until its end or an early revoke, flagging an overdue review on the way. */
  private void holdUntilEnd() {
    while (true) {
      long until = state.expiresAt();
      boolean reviewTimer = state.reviewOpen() && !state.reviewOverdue();
      if (reviewTimer) {
        until = Math.min(until, state.reviewDueAt());
      }
      boolean early = journal.awaitUntil(until, () -> state.revokeRequest() != null);
      if (!early && reviewTimer && now() < state.expiresAt()) {
        reviewOverdue();
        continue;
      }
      endGrant(early);
      return;
    }
  }

  private void endGrant(boolean early) {
    revoke();
    if (early) {
      AccessAction by = state.revokeRequest();
      state.ended(AccessStatus.REVOKED, by.caller().user(), comment(by.comment()), now());
      note(by.caller().user(), "access.revoked", Map.of("comment", comment(by.comment())));
    } else {
      state.ended(AccessStatus.EXPIRED, PAVED, "revoked at the end of its duration", now());
      note(PAVED, "access.expired", Map.of("reason", "revoked at the end of its duration"));
    }
  }

  /** The revoke is retried until it succeeds: access must never outlive its time. */
  private void revoke() {
    GrantRevocation revocation = new GrantRevocation(GrantRequest.of(input), state.grantRef());
    while (true) {
      try {
        revocations.revokeAccess(revocation);
        return;
      } catch (ActivityFailure e) {
        note(PAVED, "access.revoke-failed", Map.of("error", AccessJournal.message(e)));
        journal.drain();
        Workflow.sleep(Duration.ofMinutes(5));
      }
    }
  }

  private void awaitReview() {
    if (!state.reviewOverdue() && !journal.awaitUntil(state.reviewDueAt(), state::acknowledged)) {
      reviewOverdue();
    }
    journal.awaitUntil(AccessJournal.FOREVER, state::acknowledged);
  }

  private void reviewOverdue() {
    state.markReviewOverdue();
    note(PAVED, "access.review-overdue", Map.of("owner", input.ownerGroup()));
  }

  /** Cancelled in Temporal itself: a waiting request is cancelled, a held grant revoked. */
  private void cancelledFromOutside() {
    if (state.status() == AccessStatus.ACTIVE) {
      revoke();
      state.ended(AccessStatus.REVOKED, PAVED, "workflow cancelled", now());
      note(PAVED, "access.revoked", Map.of("comment", "workflow cancelled"));
    } else if (state.status() == AccessStatus.PENDING) {
      state.ended(AccessStatus.CANCELLED, PAVED, "workflow cancelled", now());
      note(PAVED, "access.cancelled", Map.of("comment", "workflow cancelled"));
    }
  }

  @Override
  public AccessSnapshot decide(DecisionRequest request) {
    String user = request.caller().user();
    state.decided(new Decision(user, request.decision(), comment(request.comment()), now()));
    note(
        user,
        request.approves() ? "access.approved" : "access.rejected",
        Map.of(
            "comment",
            comment(request.comment()),
            "approvals",
            state.approvals() + "/" + input.approvers().quorum()));
    // the last approval answers once the grant is made (or has failed)
    return journal.settled(() -> !state.approved());
  }

  @Override
  public void validateDecide(DecisionRequest request) {
    AccessRules.checkDecision(input, state, request);
  }

  @Override
  public AccessSnapshot revoke(AccessAction action) {
    state.revokeRequested(action);
    return journal.settled(() -> state.status() != AccessStatus.ACTIVE);
  }

  @Override
  public void validateRevoke(AccessAction action) {
    AccessRules.checkRevoke(input, state, action);
  }

  @Override
  public AccessSnapshot cancel(AccessAction action) {
    String user = action.caller().user();
    state.ended(AccessStatus.CANCELLED, user, comment(action.comment()), now());
    note(user, "access.cancelled", Map.of("comment", comment(action.comment())));
    return journal.settled(() -> true);
  }

  @Override
  public void validateCancel(AccessAction action) {
    AccessRules.checkCancel(input, state, action);
  }

  @Override
  public AccessSnapshot acknowledge(AccessAction action) {
    String user = action.caller().user();
    state.acknowledged(user, now());
    note(user, "access.review-acknowledged", Map.of("comment", comment(action.comment())));
    return journal.settled(() -> true);
  }

  @Override
  public void validateAcknowledge(AccessAction action) {
    AccessRules.checkAcknowledge(input, state, action);
  }

  @Override
  public AccessSnapshot granted() {
    return journal.settled(() -> state.status() != AccessStatus.PENDING);
  }

  @Override
  public void validateGranted() {
    AccessRules.checkGranted(input);
  }

  @Override
  public AccessSnapshot snapshot() {
    return state.snapshot();
  }

  private void note(String actor, String action, Map<String, String> detail) {
    journal.add(actor, action, detail);
  }

  /** A new request, or one resumed before its workflow recorded anything. */
  private boolean nothingRecordedBefore() {
    return resumeFrom == null || resumeFrom.auditSequence() == 0;
  }

  private Map<String, String> requestDetail() {
    return Map.of(
        "service", input.service(),
        "environment", input.environment(),
        "role", input.role(),
        "duration", input.duration().toString(),
        "reason", input.reason(),
        "breakGlass", String.valueOf(input.breakGlass()));
  }

  private String approverGroups() {
    return String.join(",", input.approvers().groups());
  }

  private static String comment(String comment) {
    return comment == null ? "" : comment;
  }

  private static long now() {
    return Workflow.currentTimeMillis();
  }
}
