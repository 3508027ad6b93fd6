package dev.paved.workflows.scorecards.waiver;

import dev.paved.workflows.approval.ApprovalFailures;
import dev.paved.workflows.approval.Decision;
import dev.paved.workflows.approval.DecisionRequest;
import dev.paved.workflows.audit.AuditEntry;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * A waiver: waits for its decision until {@link WaiverInput#decideBy()}, then holds an approved
 * waiver until its expiry. The update handler changes the state and adds audit entries; only the
 * main thread records them, in order, with ids {@code <waiver id>#<sequence>}.
 */
public class WaiverWorkflowImpl implements WaiverWorkflow {

  private static final Logger log = Workflow.getLogger(WaiverWorkflowImpl.class);
  private static final String PAVED = AuditEntry.PAVED;

  // recorded in the API (the task queue's poller), retried until it answers
  private final WaiverRecorder recorder =
      Workflow.newActivityStub(
          WaiverRecorder.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(1))
                      .setMaximumInterval(Duration.ofMinutes(1))
                      .build())
              .build());

  private final WaiverInput input;
  private final List<AuditEntry> pending = new ArrayList<>();
  private WaiverStatus status = WaiverStatus.PENDING;
  private Decision decision;
  private long changedAt;
  private int sequence;
  private boolean recording;

  /** Here, not in run(): an update in the first workflow task is handled before run() starts. */
  @WorkflowInit
  public WaiverWorkflowImpl(WaiverInput input) {
    this.input = input;
    this.changedAt = Workflow.currentTimeMillis();
    note(
        input.requestedBy(),
        "scorecard.waiver.requested",
        Map.of(
            "scorecard", input.scorecardId(),
            "rule", input.ruleId(),
            "entity", input.entityRef(),
            "reason", input.reason(),
            "expiresAt", Instant.ofEpochMilli(input.expiresAt()).toString(),
            "approvers", String.join(",", input.approvers().groups())));
  }

  @Override
  public WaiverSnapshot run(WaiverInput ignored) {
    if (!awaitUntil(input.decideBy(), () -> decision != null)) {
      end(WaiverStatus.EXPIRED, "no decision before " + Instant.ofEpochMilli(input.decideBy()));
    } else if (decision.approves()) {
      // the durable timer: the waiver stops counting at its expiry, whatever restarts between
      awaitUntil(input.expiresAt(), () -> false);
      end(WaiverStatus.EXPIRED, "reached its expiry");
    }
    drain();
    Workflow.await(Workflow::isEveryHandlerFinished);
    return snapshot();
  }

  private void end(WaiverStatus to, String reason) {
    status = to;
    changedAt = Workflow.currentTimeMillis();
    note(PAVED, "scorecard.waiver.expired", Map.of("reason", reason));
  }

  @Override
  public WaiverSnapshot decide(DecisionRequest request) {
    String user = request.caller().user();
    String comment = request.comment() == null ? "" : request.comment();
    decision = new Decision(user, request.decision(), comment, Workflow.currentTimeMillis());
    status = decision.approves() ? WaiverStatus.APPROVED : WaiverStatus.REJECTED;
    changedAt = decision.decidedAt();
    note(
        user,
        decision.approves() ? "scorecard.waiver.approved" : "scorecard.waiver.rejected",
        Map.of("comment", comment));
    Workflow.await(() -> pending.isEmpty() && !recording);
    return snapshot();
  }

  @Override
  public void validateDecide(DecisionRequest request) {
    if (request == null || request.caller() == null || request.caller().user() == null) {
      throw ApprovalFailures.invalid("a decision needs its caller");
    }
    if (!DecisionRequest.isDecision(request.decision())) {
      throw ApprovalFailures.invalid("decision must be 'approve' or 'reject'");
    }
    if (status != WaiverStatus.PENDING) {
      throw ApprovalFailures.conflict("the waiver is " + status + " already");
    }
    input.approvers().check(request.caller(), input.requestedBy(), List.of());
  }

  @Override
  public WaiverSnapshot snapshot() {
    return new WaiverSnapshot(input, status, decision, changedAt);
  }

  private void note(String actor, String action, Map<String, String> detail) {
    sequence++;
    pending.add(
        new AuditEntry(
            input.waiverId() + "#" + sequence,
            Workflow.currentTimeMillis(),
            actor,
            action,
            input.subject(),
            detail));
  }

  /** Waits for {@code done} or the deadline, recording entries as they come; main thread only. */
  private boolean awaitUntil(long deadline, Supplier<Boolean> done) {
    while (true) {
      drain();
      if (done.get()) {
        return true;
      }
      long left = deadline - Workflow.currentTimeMillis();
      if (left <= 0) {
        return false;
      }
      Workflow.await(Duration.ofMillis(left), () -> !pending.isEmpty() || done.get());
    }
  }

  private void drain() {
    while (!pending.isEmpty()) {
      WaiverChange change = new WaiverChange(snapshot(), List.copyOf(pending));
      pending.clear();
      recording = true;
      try {
        recorder.recordWaiver(change);
      } catch (ActivityFailure e) {
        log.warn("waiver {} not recorded: {}", input.waiverId(), e.getMessage());
      }
      recording = false;
    }
  }
}
