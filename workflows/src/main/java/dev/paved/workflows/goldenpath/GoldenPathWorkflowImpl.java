package dev.paved.workflows.goldenpath;

import dev.paved.workflows.actions.RenderActivities;
import dev.paved.workflows.actions.WorkspaceActivities;
import dev.paved.workflows.steps.FailurePolicy;
import dev.paved.workflows.steps.RenderRequest;
import dev.paved.workflows.steps.StepOptions;
import dev.paved.workflows.steps.StepPlan;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Interprets a frozen template: renders each step, runs its action, and on a final failure undoes
 * what was made, newest first. The plan is data; this class only walks it.
 */
public class GoldenPathWorkflowImpl implements GoldenPathWorkflow {

  private static final Logger log = Workflow.getLogger(GoldenPathWorkflowImpl.class);

  private final RenderActivities render =
      Workflow.newLocalActivityStub(RenderActivities.class, StepOptions.forRendering());
  private final WorkspaceActivities workspace =
      Workflow.newActivityStub(WorkspaceActivities.class, StepOptions.forCleanup());

  private final RunState state;
  private final RunRecords records;
  private final Decisions decisions;
  private final ApprovalGate approvals;
  private final StepRunner steps;

  /** The run's parameters; a retry may correct them for the failed step and those after it. */
  private Map<String, Object> parameters;

  /**
   * Builds the run's state before any update or query can arrive (one may come in the first
   * workflow task, before {@link #run} starts), so no handler meets a run without one. It issues no
   * command: histories recorded before it replay unchanged.
   */
  @WorkflowInit
  public GoldenPathWorkflowImpl(RunInput input) {
    state = new RunState(input);
    records = new RunRecords(state);
    decisions = new Decisions(state, input.runId());
    parameters = input.parameters();
    approvals = new ApprovalGate(state, input, this::cancelling);
    steps = new StepRunner(state, render, approvals);
  }

  @Override
  public RunProgress run(RunInput input) {
    RunStatus end;
    try {
      end = runSteps(input);
    } catch (CanceledFailure | ActivityFailure e) {
      if (!CancellationScope.current().isCancelRequested() && !decisions.cancelled()) {
        throw e;
      }
      // Cancelled from outside (during a step, a render or a record): undo as for a failure.
      log.info("run {} cancelled: undoing what it made", input.runId());
      state.cancelled();
      end = RunStatus.CANCELLED;
    }
    // The ending runs detached: a cancellation must never cut the undo or the last record short.
    decisions.ending();
    RunStatus status = end;
    List<RunProgress> last = new ArrayList<>();
    Workflow.newDetachedCancellationScope(
            () -> {
              if (status != RunStatus.COMPLETED) {
                steps.rollBack(decisions, records::record);
              }
              last.add(finish(input, status));
            })
        .run();
    return last.get(0);
  }

  /**
   * Runs the steps in order (a retried one again in place): COMPLETED, ROLLED_BACK, or REJECTED or
   * EXPIRED when an approval step was not approved.
   */
  private RunStatus runSteps(RunInput input) {
    records.first();
    Map<String, Map<String, Object>> outputs = new LinkedHashMap<>();
    List<StepPlan> plan = input.template().steps();
    for (int i = 0; i < plan.size(); i++) {
      if (cancelling()) {
        throw new CanceledFailure("run cancelled before step '" + plan.get(i).id() + "'");
      }
      StepError failure = steps.run(input, parameters, i, plan.get(i), outputs, records::record);
      if (cancelling()) {
        throw new CanceledFailure("run cancelled during step '" + plan.get(i).id() + "'");
      }
      RunStatus refused = failure == null ? null : ApprovalGate.endOf(failure);
      if (refused != null) {
        decisions.ending(); // rejected or expired: undone whatever the failure policy says
        records.record();
        log.info("run {} step {} not approved: {}", input.runId(), plan.get(i).id(), failure);
        return refused;
      }
      if (failure != null) {
        state.failed(i, failure);
        if (!pauseForDecision(input, plan.get(i), failure)) {
          return RunStatus.ROLLED_BACK;
        }
        i--; // retry: the same step again, with the parameters the decision brought
        continue;
      }
      records.afterStep();
    }
    decisions.ending(); // from here a cancellation is refused; one accepted before still counts
    if (cancelling()) {
      throw new CanceledFailure("run cancelled after its last step");
    }
    try {
      state.output(
          render.renderOutput(
              new RenderRequest(outputStep(input), parameters, outputs, input.requestedBy())));
    } catch (ActivityFailure e) {
      if (CancellationScope.current().isCancelRequested()) {
        throw e;
      }
      // Every step is done: a broken spec.output is reported, it must not fail the run unrecorded.
      state.outputFailed(StepError.from(e));
    }
    return RunStatus.COMPLETED;
  }

  /** A step failed for good: true to retry it, false to roll back; throws when cancelled. */
  private boolean pauseForDecision(RunInput input, StepPlan step, StepError failure) {
    if (input.template().onFailure() == FailurePolicy.ROLLBACK) {
      decisions.ending();
      records.record();
      log.info("run {} step {} failed for good: {}", input.runId(), step.id(), failure);
      return false;
    }
    log.info("run {} step {} failed for good, paused: {}", input.runId(), step.id(), failure);
    RunDecision.Kind decision = decisions.pause(input.template().pauseTimeout(), records::record);
    if (decision == RunDecision.Kind.CANCEL) {
      throw new CanceledFailure("run cancelled while it needed attention");
    }
    if (decision != RunDecision.Kind.RETRY) {
      return false;
    }
    if (decisions.retryParameters() != null) {
      parameters = decisions.retryParameters();
    }
    records.record(); // the run shows it is running again before the step's retry ends
    return true;
  }

  /** Cancelled from outside (Temporal's cancellation) or by an operator's decision. */
  private boolean cancelling() {
    return CancellationScope.current().isCancelRequested() || decisions.cancelled();
  }

  @Override
  public RunProgress progress() {
    return state.snapshot();
  }

  @Override
  public RunProgress retry(DecisionRequest request) {
    return decisions.retry(request, parameters);
  }

  @Override
  public void validateRetry(DecisionRequest request) {
    decisions.validateRetry(request);
  }

  @Override
  public RunProgress rollback(DecisionRequest request) {
    return decisions.rollback(request);
  }

  @Override
  public void validateRollback(DecisionRequest request) {
    decisions.validateRollback(request);
  }

  @Override
  public RunProgress approval(dev.paved.workflows.approval.DecisionRequest request) {
    return approvals.decide(request);
  }

  @Override
  public void validateApproval(dev.paved.workflows.approval.DecisionRequest request) {
    approvals.validate(request);
  }

  @Override
  public RunProgress cancel(DecisionRequest request) {
    RunProgress answer = decisions.cancel(request);
    steps.cancelStep();
    return answer;
  }

  @Override
  public void validateCancel(DecisionRequest request) {
    decisions.validateCancel(request);
  }

  private RunProgress finish(RunInput input, RunStatus status) {
    state.ended(status);
    if (records.atWaits()) {
      // the clean-up and the last record go out together; the run ends once both are done
      Promise<Void> cleanup = Async.procedure(workspace::deleteWorkspace, input.runId());
      RunProgress last = state.snapshot();
      records.record();
      deleted(input, cleanup);
      records.await();
      return last;
    }
    try {
      workspace.deleteWorkspace(input.runId());
    } catch (ActivityFailure e) {
      log.warn("run {}: workspace not deleted: {}", input.runId(), StepError.from(e).message());
    }
    RunProgress last = state.snapshot();
    records.record();
    return last;
  }

  /** Waits for the workspace's clean-up; a leftover scratch folder is only logged. */
  private static void deleted(RunInput input, Promise<Void> cleanup) {
    try {
      cleanup.get();
    } catch (ActivityFailure e) {
      // A leftover scratch folder must not keep the run's end from being recorded.
      log.warn("run {}: workspace not deleted: {}", input.runId(), StepError.from(e).message());
    }
  }

  /** The template's {@code spec.output} as a pseudo-step, so it renders like a step's input. */
  private static StepPlan outputStep(RunInput input) {
    return new StepPlan("output", "output", "output", input.template().output(), null);
  }
}
