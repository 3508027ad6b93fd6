package dev.paved.activities.actions.approval;

import static dev.paved.activities.support.PlannedStep.resource;

import dev.paved.activities.actions.Action;
import dev.paved.activities.actions.PreviewContext;
import dev.paved.activities.support.PlannedStep;
import dev.paved.activities.support.StepFailures;
import dev.paved.workflows.approval.ApprovalStepInput;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.StepClass;
import java.util.List;
import java.util.Map;

/**
 * {@code paved:approval}: holds the run until people approve it (done by the workflow itself, on a
 * durable timer): the run shows WAITING_APPROVAL; a rejection or the timeout undoes what the run
 * made.
 */
public final class ApprovalAction extends Action {

  public ApprovalAction() {
    super(
        "paved:approval",
        "Holds the run until people approve it (done by the workflow itself, on a durable timer): the run shows WAITING_APPROVAL; a rejection or the timeout undoes what the run made.",
        null,
        StepClass.WAIT);
  }

  @Override
  public PlannedStep preview(ActionRequest request, PreviewContext context) {
    ApprovalStepInput input;
    try {
      input = ApprovalStepInput.parse(request.input(), request.stepId());
    } catch (IllegalArgumentException e) {
      throw StepFailures.invalidInput(e.getMessage());
    }
    // Nobody is asked in a dry run, so nobody has approved.
    return new PlannedStep(
        Map.of("approvedBy", List.of()),
        List.of(
            resource(
                "approval",
                "approvers",
                input.approvers(),
                "minApprovals",
                input.minApprovals(),
                "timeout",
                input.timeout().toString(),
                "message",
                input.message())));
  }
}
