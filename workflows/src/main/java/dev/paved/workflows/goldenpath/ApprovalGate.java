package dev.paved.workflows.goldenpath;

import dev.paved.workflows.approval.ApprovalFailures;
import dev.paved.workflows.approval.ApprovalRule;
import dev.paved.workflows.approval.ApprovalStepInput;
import dev.paved.workflows.approval.Decision;
import dev.paved.workflows.approval.DecisionRequest;
import dev.paved.workflows.goldenpath.RunApproval.Outcome;
import dev.paved.workflows.steps.FailureTypes;
import dev.paved.workflows.steps.StepPlan;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;

/**
 * The {@code paved:approval} steps of a run: the run waits, on a durable timer, until enough
 * approvers approve, one rejects, or the step's timeout passes. A decision is the {@code approval}
 * update; its validator refuses the requester, a non-approver and a second decision by the same
 * person before anything enters history. Workflow code: it runs on the workflow's thread.
 */
final class ApprovalGate {

  /** The failure type of a step whose approval was rejected; the run ends REJECTED. */
  static final String REJECTED = "Rejected";

  /** The failure type of a step nobody approved in time; the run ends EXPIRED. */
  static final String EXPIRED = "Expired";

  private static final Logger log = Workflow.getLogger(ApprovalGate.class);

  private final RunState state;
  private final String runId;
  private final String requestedBy;
  private final BooleanSupplier cancelling;

  /** The approval being waited for, or null. */
  private RunApproval waiting;

  private ApprovalRule rule;

  /** How many decisions the run has received, and acted on, over all its approval steps. */
  private int received;

  private int handled;

  ApprovalGate(RunState state, RunInput input, BooleanSupplier cancelling) {
    this.state = state;
    this.runId = input.runId();
    this.requestedBy = input.requestedBy();
    this.cancelling = cancelling;
  }

  /**
   * Waits for the step's approval; returns null once approved (the step succeeded), or why it did
   * not: {@link #REJECTED}, {@link #EXPIRED}, or an invalid input. Throws when the run is cancelled
   * while it waits. {@code record} runs at each change the approvers should see.
   */
  StepError await(int index, StepPlan step, Map<String, Object> rendered, Runnable record) {
    ApprovalStepInput input;
    try {
      input = ApprovalStepInput.parse(rendered, step.name());
    } catch (IllegalArgumentException e) {
      return new StepError(e.getMessage(), FailureTypes.INVALID_INPUT, 0);
    }
    long since = now();
    long deadline = since + input.timeout().toMillis();
    rule = new ApprovalRule(input.approvers(), input.minApprovals());
    waiting =
        new RunApproval(
            step.id(),
            input.message(),
            input.approvers(),
            input.minApprovals(),
            requestedBy,
            since,
            deadline,
            List.of(),
            Outcome.WAITING);
    state.waitingApproval(waiting);
    log.info("run {} waits for approval by {}", runId, String.join(", ", input.approvers()));
    record.run();
    int seen = 0;
    while (true) {
      int decided = seen;
      boolean changed =
          Workflow.await(
              Duration.ofMillis(Math.max(0, deadline - now())),
              () -> waiting.decisions().size() != decided || cancelling.getAsBoolean());
      if (cancelling.getAsBoolean()) {
        end(Outcome.CANCELLED);
        throw new CanceledFailure("run cancelled while it waited for approval");
      }
      if (!changed) {
        end(Outcome.EXPIRED);
        String why = "nobody approved within " + input.timeout();
        state.approvalEnded(index, why, EXPIRED);
        return new StepError(why, EXPIRED, 0);
      }
      seen = waiting.decisions().size();
      Decision rejection =
          waiting.decisions().stream().filter(d -> !d.approves()).findFirst().orElse(null);
      if (rejection != null) {
        end(Outcome.REJECTED);
        String why =
            "rejected by "
                + rejection.user()
                + (rejection.comment().isBlank() ? "" : ": " + rejection.comment());
        state.approvalEnded(index, why, REJECTED);
        handled = received;
        return new StepError(why, REJECTED, 0);
      }
      if (waiting.approvals() >= input.minApprovals()) {
        RunApproval approved = waiting;
        end(Outcome.APPROVED);
        state.succeeded(index, 1, Map.of("approvedBy", approved.decidedBy()));
        handled = received;
        return null;
      }
      handled = received;
      record.run(); // one approval of several: the record shows it, and the run waits on
    }
  }

  /** The run for an approval step's end: REJECTED, EXPIRED, or null for any other failure. */
  static RunStatus endOf(StepError failure) {
    if (REJECTED.equals(failure.type())) {
      return RunStatus.REJECTED;
    }
    return EXPIRED.equals(failure.type()) ? RunStatus.EXPIRED : null;
  }

  /** The {@code approval} update's validator: refuses with 400, 403 or 409. */
  void validate(DecisionRequest request) {
    if (request == null || request.caller() == null || request.caller().user() == null) {
      throw ApprovalFailures.invalid("a decision needs the user who takes it");
    }
    if (!DecisionRequest.isDecision(request.decision())) {
      throw ApprovalFailures.invalid("decision must be 'approve' or 'reject'");
    }
    if (waiting == null || cancelling.getAsBoolean()) {
      throw ApprovalFailures.conflict("run " + runId + " is not waiting for an approval");
    }
    rule.check(request.caller(), requestedBy, waiting.decidedBy());
  }

  /**
   * The {@code approval} update: notes the decision, and answers once the run has acted on it, so
   * the last approval answers with the run going on and a rejection with the run undoing.
   */
  RunProgress decide(DecisionRequest request) {
    if (waiting == null) {
      return state.snapshot(); // the validator saw it waiting; nothing has run since
    }
    String user = request.caller().user();
    log.info("run {}: {} decided by {}", runId, request.decision(), user);
    String comment = request.comment() == null ? "" : request.comment();
    waiting = waiting.with(new Decision(user, request.decision(), comment, now()));
    state.waitingApproval(waiting);
    int mine = ++received;
    Workflow.await(() -> handled >= mine || cancelling.getAsBoolean());
    return state.snapshot();
  }

  private void end(Outcome outcome) {
    state.waitingApproval(waiting.ended(outcome));
    waiting = null;
    rule = null;
  }

  private static long now() {
    return Workflow.currentTimeMillis();
  }
}
