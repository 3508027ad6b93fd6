package dev.paved.api.access;

import dev.paved.api.approvals.PendingApproval;
import dev.paved.api.approvals.PendingApprovals;
import dev.paved.api.identity.CurrentUser;
import dev.paved.workflows.access.AccessInput;
import dev.paved.workflows.access.AccessStatus;
import dev.paved.workflows.approval.Decision;
import java.util.List;
import org.springframework.stereotype.Component;

/** Access requests waiting for the user: pending, theirs to approve, not yet decided by them. */
@Component
class AccessApprovals implements PendingApprovals {

  /** Pending requests are few (they expire within a day); this bounds the read regardless. */
  private static final int MAX_PENDING = 500;

  private final AccessStore store;

  AccessApprovals(AccessStore store) {
    this.store = store;
  }

  @Override
  public List<PendingApproval> waitingFor(CurrentUser user) {
    return store.list(null, AccessStatus.PENDING.name(), MAX_PENDING).stream()
        .filter(
            stored -> {
              AccessInput request = stored.snapshot().request();
              return !request.requestedBy().equals(user.name())
                  && user.inAnyGroup(request.approvers().groups())
                  && stored.snapshot().decisions().stream()
                      .map(Decision::user)
                      .noneMatch(user.name()::equals);
            })
        .map(
            stored -> {
              AccessInput r = stored.snapshot().request();
              return new PendingApproval(
                  "access-request",
                  r.requestId(),
                  r.role()
                      + " access to "
                      + r.service()
                      + " ("
                      + r.environment()
                      + ") for "
                      + r.duration()
                      + ": "
                      + r.reason(),
                  r.requestedBy(),
                  stored.createdAt(),
                  "/api/v1/access-requests/" + r.requestId(),
                  "/access/" + r.requestId());
            })
        .toList();
  }
}
