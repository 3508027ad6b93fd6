package dev.paved.workflows.goldenpath;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One run of a golden-path template: its steps in order, each with its undo. */
@WorkflowInterface
public interface GoldenPathWorkflow {

  /** Runs the template's steps; on a step's final failure undoes what was made, newest first. */
  @WorkflowMethod
  RunProgress run(RunInput input);

  /** The run's progress: each step's status, attempts, times, output and error. */
  @QueryMethod
  RunProgress progress();
}
