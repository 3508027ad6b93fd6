package dev.paved.workflows.access;

import dev.paved.workflows.approval.DecisionRequest;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One production-access request: its approvals, the grant, and the revoke at the end of its
 * duration. Every change asked from outside is an update whose validator refuses, before anything
 * enters history, what the caller may not do.
 */
@WorkflowInterface
public interface AccessRequestWorkflow {

  /**
   * Waits for the decision, grants, holds until revoked or expired, and returns the end.
   *
   * @param resumeFrom null for a new request; where the request stood, when it is started again
   *     after its workflow was lost (a second argument, so histories of requests started with one
   *     still replay)
   */
  @WorkflowMethod
  AccessSnapshot run(AccessInput input, AccessResume resumeFrom);

  /** An approver approves or rejects; answers once recorded (and granted, when it was the last). */
  @UpdateMethod
  AccessSnapshot decide(DecisionRequest request);

  @UpdateValidatorMethod(updateName = "decide")
  void validateDecide(DecisionRequest request);

  /** Ends an active grant early; answers once it is revoked. */
  @UpdateMethod
  AccessSnapshot revoke(AccessAction action);

  @UpdateValidatorMethod(updateName = "revoke")
  void validateRevoke(AccessAction action);

  /** The requester withdraws a request that is still waiting. */
  @UpdateMethod
  AccessSnapshot cancel(AccessAction action);

  @UpdateValidatorMethod(updateName = "cancel")
  void validateCancel(AccessAction action);

  /** The owning team acknowledges a break-glass access. */
  @UpdateMethod
  AccessSnapshot acknowledge(AccessAction action);

  @UpdateValidatorMethod(updateName = "acknowledge")
  void validateAcknowledge(AccessAction action);

  /**
   * Answers once a break-glass request's grant is made (or has failed) and recorded: sent with the
   * workflow's start (update-with-start), so the requester hears the grant's real state.
   */
  @UpdateMethod
  AccessSnapshot granted();

  @UpdateValidatorMethod(updateName = "granted")
  void validateGranted();

  @QueryMethod
  AccessSnapshot snapshot();
}
