package dev.paved.workflows.goldenpath;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One run of a golden-path template: its steps in order, each with its undo. A step that fails for
 * good either rolls the run back or pauses it for an operator's decision ({@code spec.onFailure});
 * each decision is an update whose validator refuses it, before anything enters history, when it
 * does not fit the run's state. A {@code paved:approval} step waits for its approvers the same way.
 */
@WorkflowInterface
public interface GoldenPathWorkflow {

  /** Runs the template's steps; on a step's final failure pauses or undoes what was made. */
  @WorkflowMethod
  RunProgress run(RunInput input);

  /** The run's progress: each step's status, attempts, times, output and error. */
  @QueryMethod
  RunProgress progress();

  /**
   * Runs the failed step of a paused run again, with corrected parameters if given, and goes on.
   */
  @UpdateMethod
  RunProgress retry(DecisionRequest request);

  /** Refuses a retry unless the run is paused on a failed step. */
  @UpdateValidatorMethod(updateName = "retry")
  void validateRetry(DecisionRequest request);

  /**
   * Undoes what a paused run made (the run ends {@code ROLLED_BACK}); on a run {@code
   * ROLLING_BACK}, tries the undos left at once instead of at their next time.
   */
  @UpdateMethod
  RunProgress rollback(DecisionRequest request);

  /** Refuses a rollback unless the run is paused on a failed step or rolling back. */
  @UpdateValidatorMethod(updateName = "rollback")
  void validateRollback(DecisionRequest request);

  /**
   * An approver approves or rejects the approval step the run waits on; answers once the run has
   * acted on it (goes on, waits for more approvals, or undoes what it made).
   */
  @UpdateMethod
  RunProgress approval(dev.paved.workflows.approval.DecisionRequest request);

  /**
   * Refuses, before anything enters history, a decision by the run's requester (403), by someone
   * not in the step's approver groups (403), a second one by the same approver (409), and any
   * decision while the run does not wait for approval (409).
   */
  @UpdateValidatorMethod(updateName = "approval")
  void validateApproval(dev.paved.workflows.approval.DecisionRequest request);

  /**
   * Stops the run at once (a running step is cut off) and undoes what it made; the run ends {@code
   * CANCELLED}.
   */
  @UpdateMethod
  RunProgress cancel(DecisionRequest request);

  /** Refuses a cancellation of a run that is already ending. */
  @UpdateValidatorMethod(updateName = "cancel")
  void validateCancel(DecisionRequest request);
}
