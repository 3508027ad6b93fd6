package dev.paved.workflows.access;

import dev.paved.workflows.steps.StepOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;

/** The access workflow with one more activity first: a change replay must catch. */
public class ExtraActivityAccessWorkflowImpl extends AccessRequestWorkflowImpl {

  @WorkflowInit
  public ExtraActivityAccessWorkflowImpl(AccessInput input, AccessResume resumeFrom) {
    super(input, resumeFrom);
  }

  @Override
  public AccessSnapshot run(AccessInput input, AccessResume resumeFrom) {
    Workflow.newActivityStub(GrantActivities.class, StepOptions.forGrant())
        .revokeAccess(new GrantRevocation(GrantRequest.of(input), "none"));
    return super.run(input, resumeFrom);
  }
}
