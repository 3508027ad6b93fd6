package dev.paved.workflows.scorecards.waiver;

import dev.paved.workflows.approval.ApprovalRule;

/**
 * A waiver request with the policy that applies to it, frozen when it starts.
 *
 * @param waiverId Paved's id of the waiver ({@code w-} and 16 hex digits)
 * @param entityRef the entity the rule is waived for, e.g. {@code component:default/ledger}
 * @param ownerGroup the team owning the entity
 * @param expiresAt when an approved waiver stops counting (epoch milliseconds)
 * @param decideBy when a waiver nobody decided ends as EXPIRED (epoch milliseconds)
 * @param approvers who may approve it: members of these groups, never the requester
 */
public record WaiverInput(
    String waiverId,
    String scorecardId,
    String ruleId,
    String entityRef,
    String ownerGroup,
    String reason,
    long expiresAt,
    String requestedBy,
    ApprovalRule approvers,
    long decideBy) {

  /** The workflow id of a waiver: unique, and readable in Temporal's UI. */
  public static String workflowId(String waiverId) {
    return "scorecard-waiver:" + waiverId;
  }

  /** The audit subject of a waiver. */
  public String subject() {
    return "scorecard-waiver:" + waiverId;
  }
}
