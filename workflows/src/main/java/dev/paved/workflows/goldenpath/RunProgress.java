package dev.paved.workflows.goldenpath;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run as its workflow sees it: returned by the progress query, recorded in Paved's database at
 * each change, and the workflow's result.
 *
 * @param failedStep the id of the step that failed for good, or null
 * @param error what went wrong, in words an operator can act on, or null
 * @param output the rendered {@code spec.output} (links, text) once the run completed
 * @param pausedUntil while the run needs attention, when it rolls back if nobody decides (epoch
 *     milliseconds); null otherwise
 * @param decisions what operators (or the pause's timeout) decided about the run, oldest first
 * @param approvals each {@code paved:approval} step that has run: who may decide, the decisions and
 *     the outcome, in the order they ran
 */
public record RunProgress(
    String runId,
    String template,
    RunStatus status,
    List<StepProgress> steps,
    String failedStep,
    String error,
    Map<String, Object> output,
    Long pausedUntil,
    List<RunDecision> decisions,
    List<RunApproval> approvals) {

  public RunProgress {
    steps = steps == null ? List.of() : List.copyOf(steps);
    output = output == null ? Map.of() : output;
    decisions = decisions == null ? List.of() : List.copyOf(decisions);
    approvals = approvals == null ? List.of() : List.copyOf(approvals);
  }

  /** The approval the run waits for, if it waits for one. */
  public Optional<RunApproval> waitingApproval() {
    return status == RunStatus.WAITING_APPROVAL && !approvals.isEmpty()
        ? Optional.of(approvals.get(approvals.size() - 1))
        : Optional.empty();
  }

  /** Progress of a run that never paused. */
  public RunProgress(
      String runId,
      String template,
      RunStatus status,
      List<StepProgress> steps,
      String failedStep,
      String error,
      Map<String, Object> output) {
    this(runId, template, status, steps, failedStep, error, output, null, null, null);
  }
}
