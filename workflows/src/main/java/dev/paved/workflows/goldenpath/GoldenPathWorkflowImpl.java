package dev.paved.workflows.goldenpath;

import dev.paved.workflows.actions.RenderActivities;
import dev.paved.workflows.actions.WorkspaceActivities;
import dev.paved.workflows.steps.ActionCatalog;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import dev.paved.workflows.steps.ActionSpec;
import dev.paved.workflows.steps.FailureTypes;
import dev.paved.workflows.steps.RenderRequest;
import dev.paved.workflows.steps.RenderedStep;
import dev.paved.workflows.steps.StepOptions;
import dev.paved.workflows.steps.StepPlan;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
  private final RunRecorder recorder =
      Workflow.newActivityStub(RunRecorder.class, StepOptions.forBookkeeping());
  private final WorkspaceActivities workspace =
      Workflow.newActivityStub(WorkspaceActivities.class, StepOptions.forCleanup());

  private RunState state;

  /** An undo registered before its step runs: the step may have made part of its work. */
  private record Undo(int index, ActionSpec action, ActionRequest request) {}

  @Override
  public RunProgress run(RunInput input) {
    state = new RunState(input);
    Deque<Undo> undos = new ArrayDeque<>();
    try {
      return runSteps(input, undos);
    } catch (CanceledFailure cancelled) {
      // Cancelled from outside: undo what was made, as for a failure, then record the end.
      log.info("run {} cancelled: undoing what it made", input.runId());
      List<RunProgress> last = new ArrayList<>();
      Workflow.newDetachedCancellationScope(
              () -> {
                state.cancelled();
                rollBack(undos);
                last.add(finish(input, RunStatus.CANCELLED));
              })
          .run();
      return last.get(0);
    }
  }

  private RunProgress runSteps(RunInput input, Deque<Undo> undos) {
    recorder.recordRun(state.snapshot());
    Map<String, Map<String, Object>> outputs = new LinkedHashMap<>();
    List<StepPlan> steps = input.template().steps();
    for (int i = 0; i < steps.size(); i++) {
      StepError failure = runStep(input, i, steps.get(i), outputs, undos);
      if (failure != null && CancellationScope.current().isCancelRequested()) {
        throw new CanceledFailure("run cancelled during step '" + steps.get(i).id() + "'");
      }
      if (failure != null) {
        state.failed(i, failure);
        recorder.recordRun(state.snapshot());
        log.info("run {} step {} failed for good: {}", input.runId(), steps.get(i).id(), failure);
        rollBack(undos);
        return finish(input, RunStatus.ROLLED_BACK);
      }
      recorder.recordRun(state.snapshot());
    }
    try {
      state.output(
          render.renderOutput(
              new RenderRequest(
                  outputStep(input), input.parameters(), outputs, input.requestedBy())));
    } catch (ActivityFailure e) {
      // Every step is done: a broken spec.output is reported, it must not fail the run unrecorded.
      state.outputFailed(StepError.from(e));
    }
    return finish(input, RunStatus.COMPLETED);
  }

  @Override
  public RunProgress progress() {
    return state == null ? null : state.snapshot();
  }

  /** Runs one step; returns why it failed for good, or null when it succeeded or was skipped. */
  private StepError runStep(
      RunInput input,
      int index,
      StepPlan step,
      Map<String, Map<String, Object>> outputs,
      Deque<Undo> undos) {
    ActionSpec action = ActionCatalog.find(step.action()).orElse(null);
    if (action == null) {
      return new StepError("unknown action '" + step.action() + "'", FailureTypes.INVALID_INPUT, 0);
    }
    state.running(index);
    RenderedStep rendered;
    try {
      rendered =
          render.renderStep(
              new RenderRequest(step, input.parameters(), outputs, input.requestedBy()));
    } catch (ActivityFailure e) {
      return StepError.from(e);
    }
    if (!rendered.run()) {
      state.skipped(index);
      return null;
    }
    ActionRequest request =
        new ActionRequest(
            input.runId(),
            input.serviceKey(),
            step.id(),
            step.action(),
            rendered.input(),
            input.template().location(),
            input.requestedBy());
    if (action.hasUndo()) {
      undos.push(new Undo(index, action, request));
    }
    try {
      ActionResult returned =
          Workflow.newUntypedActivityStub(StepOptions.forAction(action))
              .execute(action.activityType(), ActionResult.class, request);
      // An action that returns nothing made nothing to show; it must not break the workflow.
      ActionResult result = returned == null ? ActionResult.of(Map.of()) : returned;
      outputs.put(step.id(), result.output());
      state.succeeded(index, Math.max(1, result.attempt()), result.output());
      return null;
    } catch (ActivityFailure e) {
      return StepError.from(e);
    }
  }

  /** Undoes every registered step, newest first, even if the run is being cancelled. */
  private void rollBack(Deque<Undo> undos) {
    Workflow.newDetachedCancellationScope(
            () -> {
              while (!undos.isEmpty()) {
                Undo undo = undos.pop();
                try {
                  Workflow.newUntypedActivityStub(StepOptions.forUndo(undo.action()))
                      .execute(undo.action().undoActivityType(), Void.class, undo.request());
                  state.compensated(undo.index());
                } catch (ActivityFailure e) {
                  state.undoFailed(undo.index(), StepError.from(e));
                }
                recorder.recordRun(state.snapshot());
              }
            })
        .run();
  }

  private RunProgress finish(RunInput input, RunStatus status) {
    state.ended(status);
    workspace.deleteWorkspace(input.runId());
    RunProgress last = state.snapshot();
    recorder.recordRun(last);
    return last;
  }

  /** The template's {@code spec.output} as a pseudo-step, so it renders like a step's input. */
  private static StepPlan outputStep(RunInput input) {
    return new StepPlan("output", "output", "output", input.template().output(), null);
  }
}
