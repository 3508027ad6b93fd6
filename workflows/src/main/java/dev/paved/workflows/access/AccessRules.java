package dev.paved.workflows.access;

import dev.paved.workflows.approval.ApprovalFailures;
import dev.paved.workflows.approval.Caller;
import dev.paved.workflows.approval.DecisionRequest;

/**
 * Who may change a request, and when: the checks of the update validators. Each throws the refusal
 * (Forbidden, Conflict, InvalidInput) with a sentence the API shows as it is.
 */
final class AccessRules {

  private AccessRules() {}

  static void checkDecision(AccessInput input, AccessState state, DecisionRequest request) {
    if (request == null || request.caller() == null) {
      throw ApprovalFailures.invalid("a decision needs its caller");
    }
    if (!DecisionRequest.isDecision(request.decision())) {
      throw ApprovalFailures.invalid("decision must be 'approve' or 'reject'");
    }
    if (state.status() != AccessStatus.PENDING || state.approved()) {
      throw ApprovalFailures.conflict("the request is " + standing(state) + " already");
    }
    input.approvers().check(request.caller(), input.requestedBy(), state.decidedBy());
  }

  /** Only a break-glass request is granted without a decision, so only it can wait for one. */
  static void checkGranted(AccessInput input) {
    if (!input.breakGlass()) {
      throw ApprovalFailures.conflict(
          "only a break-glass request is granted at once; this one waits for its approvers");
    }
  }

  /** The requester, an approver or the platform team ends an active grant early. */
  static void checkRevoke(AccessInput input, AccessState state, AccessAction action) {
    Caller caller = caller(action);
    if (state.status() != AccessStatus.ACTIVE || state.revokeRequest() != null) {
      throw ApprovalFailures.conflict(
          "the request is "
              + (state.revokeRequest() != null ? "being revoked" : standing(state))
              + ": nothing to revoke");
    }
    if (!caller.user().equals(input.requestedBy())
        && !input.approvers().isApprover(caller)
        && !caller.inGroup(input.platformGroup())) {
      throw ApprovalFailures.forbidden(
          "only the requester, an approver or the platform team may revoke this access");
    }
  }

  /** The requester (or the platform team) withdraws a request that still waits. */
  static void checkCancel(AccessInput input, AccessState state, AccessAction action) {
    Caller caller = caller(action);
    if (state.status() != AccessStatus.PENDING || state.approved()) {
      throw ApprovalFailures.conflict(
          "the request is " + standing(state) + ": only a waiting request can be cancelled");
    }
    if (!caller.user().equals(input.requestedBy()) && !caller.inGroup(input.platformGroup())) {
      throw ApprovalFailures.forbidden("only the requester may cancel this request");
    }
  }

  /** A member of the owning team, not the requester, acknowledges a break-glass access once. */
  static void checkAcknowledge(AccessInput input, AccessState state, AccessAction action) {
    Caller caller = caller(action);
    if (!input.breakGlass() || !state.granted()) {
      throw ApprovalFailures.conflict("no break-glass access was granted: nothing to acknowledge");
    }
    if (state.acknowledged()) {
      throw ApprovalFailures.conflict("acknowledged by " + state.acknowledgedBy() + " already");
    }
    if (caller.user().equals(input.requestedBy())) {
      throw ApprovalFailures.forbidden("you cannot acknowledge your own break-glass access");
    }
    if (!caller.inGroup(input.ownerGroup())) {
      throw ApprovalFailures.forbidden(
          "the owning team (" + input.ownerGroup() + ") acknowledges a break-glass access");
    }
  }

  private static Caller caller(AccessAction action) {
    if (action == null || action.caller() == null || action.caller().user() == null) {
      throw ApprovalFailures.invalid("the request needs its caller");
    }
    return action.caller();
  }

  private static String standing(AccessState state) {
    return state.approved() ? "approved" : state.status().name();
  }
}
