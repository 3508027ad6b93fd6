package dev.paved.workflows.goldenpath;

import dev.paved.workflows.steps.FailurePolicy;
import dev.paved.workflows.steps.TemplatePlan;
import io.temporal.workflow.WorkflowInit;

/**
 * A careless change to the workflow, for the replay test: it ignores {@code onFailure: pause} and
 * rolls back at once, as Paved did before runs could pause. Runs that never paused replay on it; a
 * run that paused does not.
 */
public class ImmediateRollbackGoldenPathWorkflowImpl extends GoldenPathWorkflowImpl {

  @WorkflowInit
  public ImmediateRollbackGoldenPathWorkflowImpl(RunInput input) {
    super(input);
  }

  @Override
  public RunProgress run(RunInput input) {
    TemplatePlan plan = input.template();
    TemplatePlan rollingBack =
        new TemplatePlan(
            plan.name(),
            plan.version(),
            plan.location(),
            FailurePolicy.ROLLBACK,
            plan.steps(),
            plan.output(),
            plan.pauseTimeout());
    return super.run(
        new RunInput(
            input.runId(),
            input.serviceKey(),
            input.requestedBy(),
            rollingBack,
            input.parameters()));
  }
}
