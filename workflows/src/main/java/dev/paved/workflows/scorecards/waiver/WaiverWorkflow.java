package dev.paved.workflows.scorecards.waiver;

import dev.paved.workflows.approval.DecisionRequest;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One waiver of a scorecard rule for one entity: waits for an approver's decision, then holds an
 * approved waiver until its expiry on a durable timer. The decision is an update whose validator
 * refuses the requester and non-approvers before anything enters history.
 */
@WorkflowInterface
public interface WaiverWorkflow {

  /** The scorecards' own task queue, polled by the API next to the database. */
  String TASK_QUEUE = "paved-scorecards";

  /** Waits for the decision and, once approved, for the expiry; returns the end. */
  @WorkflowMethod
  WaiverSnapshot run(WaiverInput input);

  /** An approver approves or rejects; answers once the decision is recorded. */
  @UpdateMethod
  WaiverSnapshot decide(DecisionRequest request);

  @UpdateValidatorMethod(updateName = "decide")
  void validateDecide(DecisionRequest request);

  @QueryMethod
  WaiverSnapshot snapshot();
}
