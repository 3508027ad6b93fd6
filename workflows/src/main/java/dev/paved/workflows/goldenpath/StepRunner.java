package dev.paved.workflows.goldenpath;

import dev.paved.workflows.actions.RenderActivities;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import dev.paved.workflows.steps.ActionSpec;
import dev.paved.workflows.steps.FailureTypes;
import dev.paved.workflows.steps.RenderRequest;
import dev.paved.workflows.steps.RenderedEach;
import dev.paved.workflows.steps.RenderedStep;
import dev.paved.workflows.steps.StepOptions;
import dev.paved.workflows.steps.StepPlan;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Runs a run's steps one at a time for {@link GoldenPathWorkflowImpl}: renders a step, registers
 * its undo, does its action (once per item with {@code each}), and keeps the undos for a rollback.
 * Workflow code: it runs on the workflow's thread.
 */
final class StepRunner {

  /**
   * The change that skips the undo of a step that made nothing and tries a failing undo again later
   * instead of failing the run at once ({@link Rollback}).
   */
  static final String UNDO_LATER = "undo-later";

  private final RunState state;
  private final RenderActivities render;
  private final ApprovalGate approvals;
  private final Deque<Undo> undos = new ArrayDeque<>();
  private CancellationScope stepScope;

  StepRunner(RunState state, RenderActivities render, ApprovalGate approvals) {
    this.state = state;
    this.render = render;
    this.approvals = approvals;
  }

  /**
   * Runs one step; returns why it failed for good, or null when it succeeded or was skipped. An
   * approval step waits for its approvers; {@code record} shows the run waiting.
   */
  StepError run(
      RunInput input,
      Map<String, Object> parameters,
      int index,
      StepPlan step,
      Map<String, Map<String, Object>> outputs,
      Runnable record) {
    ActionSpec action = step.resolvedSpec().orElse(null);
    if (action == null) {
      return new StepError("unknown action '" + step.action() + "'", FailureTypes.INVALID_INPUT, 0);
    }
    state.running(index);
    if (step.each() != null) {
      if (action.inWorkflow()) {
        return new StepError(
            step.action() + " cannot repeat with 'each'", FailureTypes.INVALID_INPUT, 0);
      }
      return runEach(input, parameters, index, step, action, outputs);
    }
    RenderedStep rendered;
    try {
      rendered =
          render.renderStep(new RenderRequest(step, parameters, outputs, input.requestedBy()));
    } catch (ActivityFailure e) {
      return StepError.from(e);
    }
    if (!rendered.run()) {
      state.skipped(index);
      return null;
    }
    if (action.inWorkflow()) {
      StepError refused = approvals.await(index, step, rendered.input(), record);
      if (refused == null) {
        outputs.put(step.id(), state.snapshot().steps().get(index).output());
      }
      return refused;
    }
    try {
      ActionResult result = perform(input, index, step, action, rendered.input());
      outputs.put(step.id(), result.output());
      state.succeeded(index, Math.max(1, result.attempt()), result.output());
      return null;
    } catch (ActivityFailure | ApplicationFailure e) {
      return StepError.from(e);
    }
  }

  /**
   * Runs a step with {@code each} once per item whose {@code if} holds, in order; its output lists
   * each output name's values, as in Backstage. A failed item fails the step: the undos of the
   * items before it are registered, so the rollback removes what they made.
   */
  private StepError runEach(
      RunInput input,
      Map<String, Object> parameters,
      int index,
      StepPlan step,
      ActionSpec action,
      Map<String, Map<String, Object>> outputs) {
    RenderedEach rendered;
    try {
      rendered =
          render.renderEach(new RenderRequest(step, parameters, outputs, input.requestedBy()));
    } catch (ActivityFailure e) {
      return StepError.from(e);
    }
    IterationOutputs collected = new IterationOutputs();
    int attempts = 0;
    boolean ran = false;
    for (RenderedEach.Iteration iteration : rendered.iterations()) {
      if (!iteration.run()) {
        continue;
      }
      if (CancellationScope.current().isCancelRequested()) {
        throw new CanceledFailure("run cancelled during step '" + step.id() + "'");
      }
      try {
        ActionResult result = perform(input, index, step, action, iteration.input());
        collected.add(result.output());
        attempts = Math.max(attempts, Math.max(1, result.attempt()));
        ran = true;
      } catch (ActivityFailure | ApplicationFailure e) {
        return StepError.from(e);
      }
    }
    outputs.put(step.id(), collected.asOutput());
    if (ran) {
      state.succeeded(index, attempts, collected.asOutput());
    } else {
      state.skipped(index);
    }
    return null;
  }

  /** Does the step's action with its rendered input, its undo registered first. */
  private ActionResult perform(
      RunInput input,
      int index,
      StepPlan step,
      ActionSpec action,
      Map<String, Object> renderedInput) {
    ActionRequest request =
        new ActionRequest(
            input.runId(),
            input.serviceKey(),
            step.id(),
            step.action(),
            renderedInput,
            input.template().location(),
            input.requestedBy());
    Undo undo = new Undo(index, action, request);
    // A retried step with the same input registers the same undo again; it must run once.
    if (undo.sameAs(undos.peek())) {
      undo = undos.peek();
    } else if (action.hasUndo()) {
      undos.push(undo);
    }
    try {
      ActionResult result = ActionCalls.call(action, request, this::stepScope);
      undo.reported(result.effects());
      return result;
    } catch (ActivityFailure e) {
      undo.failed(e, Workflow.currentTimeMillis());
      throw e;
    } catch (CanceledFailure e) {
      undo.cutOff(Workflow.currentTimeMillis());
      throw e;
    } finally {
      stepScope = null;
    }
  }

  /** The running step's scope, kept so that a cancel decision can cut the step off at once. */
  private void stepScope(CancellationScope scope) {
    stepScope = scope;
  }

  /**
   * Cuts the running step off, when a step runs: the run goes on at once, its activity abandoned
   * (it runs to its own end), and what it may have made is undone.
   */
  void cancelStep() {
    if (stepScope != null) {
      stepScope.cancel("the run was cancelled");
    }
  }

  /**
   * Undoes every registered step, newest first, even if the run is being cancelled; {@code record}
   * runs after each undo and must not throw. True when nothing is left behind.
   */
  boolean rollBack(Decisions decisions, Runnable record) {
    int version = Workflow.getVersion(UNDO_LATER, Workflow.DEFAULT_VERSION, 1);
    if (version == Workflow.DEFAULT_VERSION) {
      rollBackAsBefore(record);
      return state.status() != RunStatus.FAILED;
    }
    boolean[] done = new boolean[1];
    Workflow.newDetachedCancellationScope(
            () -> done[0] = new Rollback(state, decisions, record).run(undos))
        .run();
    return done[0];
  }

  /**
   * Runs before {@link #UNDO_LATER} existed: every undo until it succeeds or exhausts its retries,
   * a failed one failing the run. Kept for the runs that reached their rollback with it.
   */
  private void rollBackAsBefore(Runnable record) {
    Workflow.newDetachedCancellationScope(
            () -> {
              while (!undos.isEmpty()) {
                Undo undo = undos.pop();
                try {
                  Workflow.newUntypedActivityStub(StepOptions.forUndo(undo.action))
                      .execute(undo.action.undoActivityType(), Void.class, undo.request);
                  state.compensated(undo.index);
                } catch (ActivityFailure e) {
                  state.undoFailed(undo.index, StepError.from(e));
                }
                record.run(); // the next undo runs even if this record cannot be made
              }
            })
        .run();
  }
}
