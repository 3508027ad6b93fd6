package dev.paved.api.runs;

import dev.paved.workflows.goldenpath.RunApproval;
import dev.paved.workflows.goldenpath.RunDecision;
import dev.paved.workflows.goldenpath.RunProgress;
import dev.paved.workflows.goldenpath.StepProgress;
import dev.paved.workflows.goldenpath.UndoProgress;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run as the API answers it.
 *
 * @param recoveries how often local mode started the run again after a restart of Paved
 * @param recoveredAt when it did so last, or null
 * @param pausedUntil while the run needs attention, when it rolls back if nobody decides
 * @param decisions what operators (or the pause's timeout) decided, oldest first
 * @param approvals each approval step that has run: who may decide, until when, the decisions
 * @param rerunOf the run this one repeats, or null
 */
record RunView(
    String id,
    String template,
    String templateVersion,
    String serviceKey,
    String status,
    String requestedBy,
    Map<String, Object> parameters,
    List<StepView> steps,
    String failedStep,
    String error,
    Map<String, Object> output,
    Instant pausedUntil,
    List<DecisionView> decisions,
    List<ApprovalView> approvals,
    String rerunOf,
    Instant createdAt,
    Instant updatedAt,
    int recoveries,
    Instant recoveredAt) {

  /**
   * The status a cancel answers while the run is still stopping or undoing: never stored, never a
   * {@code GET}'s (which shows the run's own status until it ends {@code CANCELLED}).
   */
  static final String CANCELLING = "CANCELLING";

  /** The same view with another status. */
  RunView withStatus(String other) {
    return new RunView(
        id,
        template,
        templateVersion,
        serviceKey,
        other,
        requestedBy,
        parameters,
        steps,
        failedStep,
        error,
        output,
        pausedUntil,
        decisions,
        approvals,
        rerunOf,
        createdAt,
        updatedAt,
        recoveries,
        recoveredAt);
  }

  /** One decision about the run; {@code by} is who decided, null when the pause timed out. */
  @Schema(name = "RunDecision")
  record DecisionView(
      String kind, String step, String by, Instant at, List<String> changedParameters) {

    static DecisionView of(RunDecision decision) {
      return new DecisionView(
          decision.kind().name(),
          decision.step(),
          decision.decidedBy(),
          Instant.ofEpochMilli(decision.at()),
          decision.changedParameters());
    }
  }

  /**
   * An approval step: its approver groups (the requester never counts), how many approvals it
   * needs, until when it waits, and each decision with its comment.
   */
  record ApprovalView(
      String step,
      String message,
      String outcome,
      List<String> approvers,
      int minApprovals,
      long approvals,
      Instant since,
      Instant deadline,
      List<ApprovalDecisionView> decisions) {

    static ApprovalView of(RunApproval approval) {
      return new ApprovalView(
          approval.step(),
          approval.message(),
          approval.outcome().name(),
          approval.approvers(),
          approval.minApprovals(),
          approval.approvals(),
          Instant.ofEpochMilli(approval.since()),
          Instant.ofEpochMilli(approval.deadline()),
          approval.decisions().stream()
              .map(
                  d ->
                      new ApprovalDecisionView(
                          d.user(), d.decision(), d.comment(), Instant.ofEpochMilli(d.decidedAt())))
              .toList());
    }
  }

  /** One approver's decision, named as access requests name theirs. */
  @Schema(name = "ApprovalDecision")
  record ApprovalDecisionView(String by, String decision, String comment, Instant at) {}

  /** One step of a run; {@code undo} once the run rolls back, else null. */
  record StepView(
      String id,
      String name,
      String action,
      String status,
      int attempts,
      Instant startedAt,
      Instant endedAt,
      Map<String, Object> output,
      String error,
      String errorType,
      UndoView undo) {

    static StepView of(StepProgress step) {
      return new StepView(
          step.id(),
          step.name(),
          step.action(),
          step.status().name(),
          step.attempts(),
          instant(step.startedAt()),
          instant(step.endedAt()),
          step.output(),
          step.error(),
          step.errorType(),
          UndoView.of(step.undo()));
    }
  }

  /**
   * The undo of one step: {@code UNDOING}, {@code UNDONE}, {@code NOTHING_TO_UNDO} (the step made
   * nothing), {@code RETRYING} (left for a later try, at {@code nextTryAt}) or {@code GAVE_UP};
   * {@code effects} names what the step said it may have made.
   */
  @Schema(name = "Undo")
  record UndoView(
      String status, int attempts, String error, Instant nextTryAt, List<String> effects) {

    static UndoView of(UndoProgress undo) {
      return undo == null
          ? null
          : new UndoView(
              undo.status().name(),
              undo.attempts(),
              undo.error(),
              instant(undo.nextTryAt()),
              undo.effects());
    }
  }

  static RunView of(RunRecord run) {
    RunProgress progress = run.progress();
    return new RunView(
        run.id(),
        run.template(),
        run.templateVersion(),
        run.serviceKey(),
        run.status(),
        run.requestedBy(),
        run.parameters(),
        progress == null ? pending(run) : progress.steps().stream().map(StepView::of).toList(),
        progress == null ? null : progress.failedStep(),
        run.error(),
        progress == null ? Map.of() : progress.output(),
        progress == null ? null : instant(progress.pausedUntil()),
        progress == null ? List.of() : progress.decisions().stream().map(DecisionView::of).toList(),
        progress == null ? List.of() : progress.approvals().stream().map(ApprovalView::of).toList(),
        run.rerunOf(),
        run.createdAt(),
        run.updatedAt(),
        run.recoveries(),
        run.recoveredAt());
  }

  /** A run in a list: without its steps, parameters and output. */
  @Schema(name = "RunSummary")
  record Summary(
      String id,
      String template,
      String serviceKey,
      String status,
      String requestedBy,
      String failedStep,
      String error,
      String rerunOf,
      Instant createdAt,
      Instant updatedAt) {

    static Summary of(RunRecord run) {
      return new Summary(
          run.id(),
          run.template(),
          run.serviceKey(),
          run.status(),
          run.requestedBy(),
          run.progress() == null ? null : run.progress().failedStep(),
          run.error(),
          run.rerunOf(),
          run.createdAt(),
          run.updatedAt());
    }
  }

  /** Before its workflow's first record, a run shows its plan: every step pending. */
  private static List<StepView> pending(RunRecord run) {
    return run.plan().steps().stream()
        .map(
            step ->
                new StepView(
                    step.id(),
                    step.name(),
                    step.action(),
                    "PENDING",
                    0,
                    null,
                    null,
                    Map.of(),
                    null,
                    null,
                    null))
        .toList();
  }

  private static Instant instant(Long epochMillis) {
    return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
  }
}
