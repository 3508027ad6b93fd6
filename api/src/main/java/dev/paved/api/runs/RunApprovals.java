package dev.paved.api.runs;

import dev.paved.api.approvals.PendingApproval;
import dev.paved.api.approvals.PendingApprovals;
import dev.paved.api.identity.CurrentUser;
import dev.paved.workflows.goldenpath.RunApproval;
import dev.paved.workflows.goldenpath.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Runs waiting at an approval step for the user: in one of its approver groups, not the run's
 * requester, and not yet decided by them.
 */
@Component
class RunApprovals implements PendingApprovals {

  /** Runs waiting for approval are few; this bounds the read regardless. */
  private static final int MAX_WAITING = 500;

  private final RunStore store;

  RunApprovals(RunStore store) {
    this.store = store;
  }

  @Override
  public List<PendingApproval> waitingFor(CurrentUser user) {
    return store.list(RunStatus.WAITING_APPROVAL.name(), MAX_WAITING).stream()
        .flatMap(run -> pending(run, user).stream())
        .toList();
  }

  private static Optional<PendingApproval> pending(RunRecord run, CurrentUser user) {
    if (run.progress() == null || run.requestedBy().equals(user.name())) {
      return Optional.empty();
    }
    return run.progress()
        .waitingApproval()
        .filter(approval -> user.inAnyGroup(approval.approvers()))
        .filter(approval -> !approval.decidedBy().contains(user.name()))
        .map(approval -> of(run, approval));
  }

  private static PendingApproval of(RunRecord run, RunApproval approval) {
    return new PendingApproval(
        "run",
        run.id(),
        approval.message()
            + " ("
            + run.template()
            + " for "
            + run.serviceKey()
            + ", "
            + approval.approvals()
            + "/"
            + approval.minApprovals()
            + " approvals)",
        run.requestedBy(),
        Instant.ofEpochMilli(approval.since()),
        "/api/v1/runs/" + run.id(),
        "/runs/" + run.id());
  }
}
