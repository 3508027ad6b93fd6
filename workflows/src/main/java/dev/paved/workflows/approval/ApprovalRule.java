package dev.paved.workflows.approval;

import java.util.Collection;
import java.util.List;

/**
 * Who may approve and how many distinct approvers it takes; frozen into a workflow's input, so a
 * later change of policy never changes a request in flight.
 *
 * @param groups an approver belongs to at least one of these groups
 * @param quorum the number of distinct approvers needed
 */
public record ApprovalRule(List<String> groups, int quorum) {

  public ApprovalRule {
    groups = List.copyOf(groups);
  }

  /**
   * Throws the refusal when {@code caller} may not decide: the requester never approves their own
   * request, only a member of an approver group decides, and each approver decides once.
   */
  public void check(Caller caller, String requestedBy, Collection<String> decidedBy) {
    if (caller.user().equals(requestedBy)) {
      throw ApprovalFailures.forbidden("you cannot decide on your own request");
    }
    if (!caller.inAnyGroup(groups)) {
      throw ApprovalFailures.forbidden(
          caller.user()
              + " is not an approver of this request (approvers: members of "
              + String.join(", ", groups)
              + ")");
    }
    if (decidedBy.contains(caller.user())) {
      throw ApprovalFailures.conflict(caller.user() + " has already decided on this request");
    }
  }

  public boolean isApprover(Caller caller) {
    return caller.inAnyGroup(groups);
  }
}
