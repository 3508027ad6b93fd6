package dev.paved.api.runs;

import dev.paved.api.audit.AuditLog;
import dev.paved.workflows.approval.Decision;
import dev.paved.workflows.audit.AuditEntry;
import dev.paved.workflows.goldenpath.RunApproval;
import dev.paved.workflows.goldenpath.RunDecision;
import dev.paved.workflows.goldenpath.RunProgress;
import dev.paved.workflows.goldenpath.RunRecorder;
import dev.paved.workflows.goldenpath.RunStatus;
import dev.paved.workflows.goldenpath.StepProgress;
import dev.paved.workflows.goldenpath.UndoProgress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the {@code runs} table in step with the workflows. A run that undid everything it made
 * (rolled back or cancelled) frees its service name; a completed one keeps it, and so does a failed
 * one, whose undo may have left something behind. The run's request and every change of its status
 * are appended to the audit trail.
 */
@Component
class RunRecorderImpl implements RunRecorder {

  private static final Logger log = LoggerFactory.getLogger(RunRecorderImpl.class);

  /** The ends after which everything the run made was undone: its service name is free again. */
  private static final Set<RunStatus> UNDONE =
      EnumSet.of(RunStatus.ROLLED_BACK, RunStatus.CANCELLED, RunStatus.REJECTED, RunStatus.EXPIRED);

  private final RunStore store;
  private final Clock clock;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  RunRecorderImpl(RunStore store, Clock clock, AuditLog audit) {
    this(store, clock, audit, event -> {});
  }

  @Autowired
  RunRecorderImpl(RunStore store, Clock clock, AuditLog audit, ApplicationEventPublisher events) {
    this.store = store;
    this.clock = clock;
    this.audit = audit;
    this.events = events;
  }

  @Override
  @Transactional
  public void recordRun(RunProgress progress) {
    Optional<RunRecord> before = store.find(progress.runId());
    store.recordProgress(progress, clock.instant());
    before.ifPresent(run -> audit(run, progress));
    if (progress.status() == RunStatus.WAITING_APPROVAL
        && !before.map(RunRecord::status).orElse("").equals(progress.status().name())) {
      log.info(
          "Run {} waits for approval by {}",
          progress.runId(),
          progress.waitingApproval().map(a -> String.join(", ", a.approvers())).orElse("?"));
    } else if (progress.status() == RunStatus.ROLLING_BACK
        && !before.map(RunRecord::status).orElse("").equals(progress.status().name())) {
      log.warn(
          "Run {} rolling back: left for later tries: {}", progress.runId(), leftovers(progress));
    } else if (progress.status() == RunStatus.NEEDS_ATTENTION) {
      log.info(
          "Run {} needs attention (retry, rollback or cancel): {}",
          progress.runId(),
          progress.error());
    } else if (progress.status().isTerminal()) {
      log.info(
          "Run {} ended {}{}",
          progress.runId(),
          progress.status(),
          progress.error() == null ? "" : ": " + progress.error());
    }
    if (UNDONE.contains(progress.status())) {
      store.releaseClaims(progress.runId());
    }
    if (progress.status() == RunStatus.COMPLETED
        && before.isPresent()
        && !before.get().status().equals(progress.status().name())) {
      events.publishEvent(new RunCompleted(progress.runId(), before.get().serviceKey()));
    }
  }

  /**
   * The run's first record is its request (by the user who started it); each change of status after
   * that is Paved's. Recorded in the same transaction, so a retried record appends nothing.
   */
  private void audit(RunRecord before, RunProgress progress) {
    String subject = "run:" + before.id();
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("template", before.template());
    detail.put("serviceKey", before.serviceKey());
    if (before.progress() == null) {
      audit.append(
          new AuditEntry(
              subject + "#requested",
              before.createdAt().toEpochMilli(),
              before.requestedBy(),
              "run.requested",
              subject,
              detail));
    }
    auditDecisions(subject, before.progress(), progress);
    if (!before.status().equals(progress.status().name())) {
      if (progress.failedStep() != null) {
        detail.put("failedStep", progress.failedStep());
      }
      String left = leftovers(progress);
      if (!left.isEmpty()) {
        // what a rolling-back or failed run left behind: where to look, and why (never a value)
        detail.put("leftovers", left);
      }
      // what the approvers' notification says (docs/access.md, Notifications)
      progress
          .waitingApproval()
          .ifPresent(
              waiting -> {
                detail.put("step", waiting.step());
                detail.put("approvers", String.join(",", waiting.approvers()));
                detail.put("requestedBy", before.requestedBy());
                if (waiting.message() != null) {
                  detail.put("message", waiting.message());
                }
              });
      audit.append(
          new AuditEntry(
              subject + "#" + progress.status().name() + "#" + UUID.randomUUID(),
              clock.millis(),
              AuditEntry.PAVED,
              "run." + progress.status().name().toLowerCase(Locale.ROOT),
              subject,
              detail));
    }
  }

  /** Each undo left to do: the step, its action, what may exist, the last error; "" if none. */
  static String leftovers(RunProgress progress) {
    List<String> left = new ArrayList<>();
    for (StepProgress step : progress.steps()) {
      UndoProgress undo = step.undo();
      if (undo != null && undo.left()) {
        left.add(
            step.id()
                + " ("
                + step.action()
                + (undo.effects().isEmpty() ? "" : ": " + String.join(", ", undo.effects()))
                + ")"
                + (undo.error() == null ? "" : ": " + undo.error()));
      }
    }
    return String.join("; ", left);
  }

  /**
   * Each decision the record brings that the one before did not have, by the user who took it: an
   * approver's approval or rejection (with its comment), an operator's retry, rollback or cancel.
   * Their ids are stable (who, which, when), so a record made twice appends each once.
   */
  private void auditDecisions(String subject, RunProgress earlier, RunProgress progress) {
    for (RunApproval approval : progress.approvals()) {
      for (Decision decision : approval.decisions()) {
        audit.append(
            new AuditEntry(
                subject
                    + "#approval#"
                    + approval.step()
                    + "#"
                    + decision.user()
                    + "#"
                    + decision.decidedAt(),
                decision.decidedAt(),
                decision.user(),
                decision.approves() ? "run.approval.approved" : "run.approval.rejected",
                subject,
                Map.of(
                    "step", approval.step(),
                    "comment", decision.comment(),
                    "approvals", approval.approvals() + "/" + approval.minApprovals())));
      }
    }
    int known = earlier == null ? 0 : earlier.decisions().size();
    List<RunDecision> decisions = progress.decisions();
    for (int i = known; i < decisions.size(); i++) {
      RunDecision decision = decisions.get(i);
      Map<String, String> detail = new LinkedHashMap<>();
      if (decision.step() != null) {
        detail.put("step", decision.step());
      }
      if (!decision.changedParameters().isEmpty()) {
        detail.put("changedParameters", String.join(",", decision.changedParameters()));
      }
      audit.append(
          new AuditEntry(
              subject + "#decision#" + i + "#" + decision.at(),
              decision.at(),
              decision.decidedBy() == null ? AuditEntry.PAVED : decision.decidedBy(),
              "run.decision." + decision.kind().name().toLowerCase(Locale.ROOT),
              subject,
              detail));
    }
  }
}
