package dev.paved.workflows.goldenpath;

import dev.paved.workflows.actions.WorkspaceActivities;
import dev.paved.workflows.steps.StepOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;

/**
 * A careless change to the workflow, for the replay test: it cleans the workspace before the run
 * instead of only after it, so it schedules an activity the recorded histories do not have.
 */
public class ExtraActivityGoldenPathWorkflowImpl extends GoldenPathWorkflowImpl {

  @WorkflowInit
  public ExtraActivityGoldenPathWorkflowImpl(RunInput input) {
    super(input);
  }

  @Override
  public RunProgress run(RunInput input) {
    Workflow.newActivityStub(WorkspaceActivities.class, StepOptions.forCleanup())
        .deleteWorkspace(input.runId());
    return super.run(input);
  }
}
