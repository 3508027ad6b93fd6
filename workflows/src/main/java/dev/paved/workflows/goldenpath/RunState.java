package dev.paved.workflows.goldenpath;

import dev.paved.workflows.steps.StepPlan;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The mutable progress of one run, inside its workflow; {@link #snapshot()} is what others see. */
final class RunState {

  private final String runId;
  private final String template;
  private final List<StepProgress> steps = new ArrayList<>();
  private RunStatus status = RunStatus.RUNNING;
  private String failedStep;
  private String error;
  private Map<String, Object> output = Map.of();
  private Long pausedUntil;
  private final List<RunDecision> decisions = new ArrayList<>();
  private final List<RunApproval> approvals = new ArrayList<>();

  RunState(RunInput input) {
    this.runId = input.runId();
    this.template = input.template().name();
    for (StepPlan step : input.template().steps()) {
      steps.add(StepProgress.pending(step.id(), step.name(), step.action()));
    }
  }

  RunProgress snapshot() {
    return new RunProgress(
        runId,
        template,
        status,
        steps,
        failedStep,
        error,
        output,
        pausedUntil,
        decisions,
        approvals);
  }

  RunStatus status() {
    return status;
  }

  String failedStep() {
    return failedStep;
  }

  void running(int index) {
    steps.set(index, steps.get(index).running(now()));
  }

  void succeeded(int index, int attempts, Map<String, Object> stepOutput) {
    steps.set(index, steps.get(index).succeeded(now(), attempts, stepOutput));
  }

  void skipped(int index) {
    steps.set(index, steps.get(index).skipped(now()));
  }

  void failed(int index, StepError stepError) {
    StepProgress step = steps.get(index);
    steps.set(
        index, step.failed(now(), stepError.attempts(), stepError.message(), stepError.type()));
    failedStep = step.id();
    error = "step '" + step.id() + "' (" + step.action() + ") failed: " + stepError.message();
  }

  /** The failed step waits for an operator's decision until {@code deadline} (epoch millis). */
  void paused(long deadline) {
    status = RunStatus.NEEDS_ATTENTION;
    pausedUntil = deadline;
  }

  /**
   * An approval step waits, or its approval changed: the run shows it, and waits while it is {@code
   * WAITING}. One entry per approval step, in the order they ran.
   */
  void waitingApproval(RunApproval approval) {
    int last = approvals.size() - 1;
    if (last >= 0 && approvals.get(last).outcome() == RunApproval.Outcome.WAITING) {
      approvals.set(last, approval);
    } else {
      approvals.add(approval);
    }
    status =
        approval.outcome() == RunApproval.Outcome.WAITING
            ? RunStatus.WAITING_APPROVAL
            : RunStatus.RUNNING;
  }

  /** An approval step ended without its approval (rejected, expired): the run undoes and ends. */
  void approvalEnded(int index, String why, String type) {
    StepProgress step = steps.get(index);
    steps.set(index, step.failed(now(), 0, why, type));
    failedStep = step.id();
    error = "step '" + step.id() + "' (" + step.action() + "): " + why;
  }

  /** A decision was taken; a rollback or cancellation now undoes what was made. */
  void decided(RunDecision decision) {
    decisions.add(decision);
    status = RunStatus.RUNNING;
    pausedUntil = null;
  }

  /** A decision that changes nothing of the run's state (trying the undos left now). */
  void noted(RunDecision decision) {
    decisions.add(decision);
  }

  /** A retry: the failed step runs again, so the run no longer shows its failure. */
  void resumed() {
    failedStep = null;
    error = null;
  }

  void timedOut(String timeout) {
    error = error + "; nobody decided within " + timeout + ", so the run rolled back";
  }

  /** The run was cancelled: a step caught running is marked failed, with the reason. */
  void cancelled() {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).status() == StepStatus.RUNNING) {
        steps.set(i, steps.get(i).failed(now(), 0, "cancelled", "Cancelled"));
        failedStep = steps.get(i).id();
      }
    }
    // A paused run keeps saying why it had paused.
    error = error == null ? "the run was cancelled" : "the run was cancelled; " + error;
  }

  void compensated(int index) {
    if (steps.get(index).status() == StepStatus.SUCCEEDED) {
      steps.set(index, steps.get(index).compensated());
    }
  }

  void undoFailed(int index, StepError undoError) {
    StepProgress step = steps.get(index);
    steps.set(index, step.undoFailed(undoError.message()));
    status = RunStatus.FAILED;
    error = error + "; undo of step '" + step.id() + "' failed: " + undoError.message();
  }

  void ended(RunStatus endStatus) {
    if (status != RunStatus.FAILED) {
      status = endStatus;
    }
  }

  /** The undo of step {@code index} stands as {@code undo}; a done one marks the step undone. */
  void undo(int index, UndoProgress undo) {
    StepProgress step = steps.get(index);
    if (undo.status() == UndoProgress.Status.UNDONE && step.status() == StepStatus.SUCCEEDED) {
      step = step.compensated();
    }
    steps.set(index, step.withUndo(undo));
  }

  /** Some undo failed its first pass: the run keeps trying it, and shows what is left. */
  void rollingBack() {
    status = RunStatus.ROLLING_BACK;
  }

  /** The later tries ran out of time: the run fails, naming what is left. */
  void gaveUp(String window) {
    status = RunStatus.FAILED;
    String left = String.join("; ", leftovers());
    error =
        (error == null ? "" : error + "; ")
            + "gave up undoing after "
            + window
            + ", left behind: "
            + left;
  }

  /** Each undo left to do: the step, its action, what may exist, and the last error. */
  List<String> leftovers() {
    List<String> left = new ArrayList<>();
    for (StepProgress step : steps) {
      if (step.undo() != null && step.undo().left()) {
        left.add(
            "step '"
                + step.id()
                + "' ("
                + step.action()
                + ")"
                + (step.undo().effects().isEmpty()
                    ? ""
                    : " " + String.join(", ", step.undo().effects()))
                + (step.undo().error() == null ? "" : ": " + step.undo().error()));
      }
    }
    return left;
  }

  void output(Map<String, Object> rendered) {
    output = rendered;
  }

  void outputFailed(StepError outputError) {
    error = "the template's output failed to render: " + outputError.message();
  }

  private static long now() {
    return Workflow.currentTimeMillis();
  }
}
